// Every command id of the extension, once. The contributed ones are package.json's `contributes.commands`
// (command-ids.test.ts holds the two equal); an id registered but not contributed goes in INTERNAL_COMMANDS.
export const Command = {
  showFileTouchpoints: 'cxImpact.showFileTouchpoints',
  revealInSidebar: 'cxImpact.revealInSidebar',
  refresh: 'cxImpact.refresh',
  openJourney: 'cxImpact.openJourney',
  copyFileImpact: 'cxImpact.copyFileImpact',
  openMapAt: 'cxImpact.openMapAt',
  filterJourneysByTier: 'cxImpact.filterJourneysByTier',
  showImpactReport: 'cxImpact.showImpactReport',
  showTouchpointFiles: 'cxImpact.showTouchpointFiles',
  addFileToTouchpoint: 'cxImpact.addFileToTouchpoint',
  createMap: 'cxImpact.createMap',
  showUncoveredFiles: 'cxImpact.showUncoveredFiles',
  walkthroughOpen: 'cxImpact.walkthrough.open',
  walkthroughOpenMap: 'cxImpact.walkthrough.openMap',
  walkthroughOpenCoveredFile: 'cxImpact.walkthrough.openCoveredFile',
  walkthroughCopyCiWorkflow: 'cxImpact.walkthrough.copyCiWorkflow',
  addEntryPointsToTouchpoint: 'cxImpact.addEntryPointsToTouchpoint',
  openCatalog: 'cxImpact.openCatalog',
} as const;

export type CommandId = (typeof Command)[keyof typeof Command];

/** Ids of the table that package.json does not contribute (run by the extension itself, not by the user). */
export const INTERNAL_COMMANDS: ReadonlySet<CommandId> = new Set<CommandId>([]);
