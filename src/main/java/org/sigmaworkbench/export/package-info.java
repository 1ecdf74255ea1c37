/**
 * Export of Sigma rules as deployable detections: Microsoft Sentinel scheduled analytics rules (ARM
 * template or content-repository YAML) and Microsoft Defender XDR custom detections (Graph JSON).
 * Names, limits and per-table entity mappings are data ({@code mapping.yaml}); every document is
 * checked against the service's documented rules before it is written. Uses {@code rule} and {@code
 * kql}, nothing else of ours.
 */
package org.sigmaworkbench.export;
