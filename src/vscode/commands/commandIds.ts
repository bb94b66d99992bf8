/** Every command the manifest contributes (package.json `contributes.commands`; a unit test keeps the two equal). */
export const commandIds = [
  'bimlink.signIn', 'bimlink.signOut', 'bimlink.signOutOtherServers', 'bimlink.setClientSecret',
  'bimlink.selectDomainAccount', 'bimlink.selectProjectPhase',
  'bimlink.refresh', 'bimlink.refreshNode', 'bimlink.retry', 'bimlink.loadMore', 'bimlink.filter', 'bimlink.clearFilter', 'bimlink.copyId',
  'bimlink.openEntities', 'bimlink.openEntity', 'bimlink.nextPage', 'bimlink.previousPage', 'bimlink.exportEntities',
  'bimlink.findReferences', 'bimlink.revealSpatialElement',
  'bimlink.showPhaseOverview', 'bimlink.comparePhases',
  'bimlink.checkServer', 'bimlink.showLog',
] as const;

export type CommandId = typeof commandIds[number];
