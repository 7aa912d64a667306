// The walkthrough's full id for workbench.action.openWalkthrough: publisher.name#id, the id being package.json's
// contributes.walkthroughs[0].id (a unit test holds the two together).
export const WALKTHROUGH_ID = 'cx-impact.cx-impact#gettingStarted';
