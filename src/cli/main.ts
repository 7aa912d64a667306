process.stdout.write('cx-impact: not implemented yet\n');
