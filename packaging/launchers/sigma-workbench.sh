#!/bin/sh
# sigma-workbench: the command line of Sigma Workbench on Linux (the .deb links /usr/bin/sigma-workbench
# here). A command (convert, test, ...) runs on the image's own Java runtime with the commands' class
# data archive (lib/app/sigma-workbench-cli.jsa, made by cds-archive.sh where the image is installed);
# anything else (no argument, the window's options, a file to open) goes to the desktop launcher.
# jpackage's Linux launcher asks rpm and dpkg on every start which package owns it (about 0.1 s);
# this one asks nothing. packaging/build-app.sh fills in the JVM options and the class path from the
# desktop launcher's .cfg, so both run the same jars with the same options.
self="$(readlink -f "$0")"
root="${self%/bin/*}"
app="$root/lib/app"
case "${1:-}" in
  convert | test | check | events | export | query | help | --help | -h | --version | -V) ;;
  *) exec "$root/bin/Sigma Workbench" "$@" ;;
esac
set -- -cp "@CLASSPATH@" org.sigmaworkbench.Launcher "$@"
# Without its archive (not made yet, or a Java that refuses it) the command loads its classes as usual.
if [ -f "$app/sigma-workbench-cli.jsa" ]; then
  set -- -XX:SharedArchiveFile="$app/sigma-workbench-cli.jsa" "$@"
fi
exec "$root/lib/runtime/bin/java" @JAVA_OPTIONS@ "$@"
