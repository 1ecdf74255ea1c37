/**
 * Running a rule's query where the logs live: a Log Analytics workspace (Microsoft Sentinel, Azure
 * Monitor), an Azure Data Explorer cluster, or Defender XDR advanced hunting (Microsoft Graph).
 * Each service is a {@link org.sigmaworkbench.workspace.WorkspaceQuery} over its documented REST
 * API, called through azure-core's HTTP pipeline with azure-identity's sign-in; {@link
 * org.sigmaworkbench.workspace.RowMatcher} reads each returned row back into an event through the
 * target's table mapping and runs the rule's matcher on it, so rows carry the same spans as a local
 * test. {@link org.sigmaworkbench.workspace.WorkspaceRun} ties both together for a caller that
 * wants a listener and a cancel button. No JavaFX here.
 */
package org.sigmaworkbench.workspace;
