/**
 * The one YAML front-end: {@link org.sigmaworkbench.yaml.SafeYaml} composes rules, target files and
 * data files into nodes with line and column, bounded and without constructing objects; {@link
 * org.sigmaworkbench.yaml.DataFiles} reads the program's own data files.
 *
 * <p>Uses nothing of ours.
 */
package org.sigmaworkbench.yaml;
