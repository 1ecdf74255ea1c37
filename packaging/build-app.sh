#!/usr/bin/env bash
# Builds a self-contained app image (and, with --deb, a .deb) with jpackage: the app jar and its
# non-JavaFX libraries on the class path, JavaFX (linux jars) as modules in a trimmed runtime.
# Output: target/dist/Sigma Workbench/ (app image), target/dist/*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp package -DskipTests -Dspotless.check.skip=true
rm -rf target/dist target/jpackage-input target/jpackage-fx
mkdir -p target/dist target/jpackage-input target/jpackage-fx
mvn -B -q -ntp dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/jpackage-deps
cp target/original-sigma-workbench.jar target/jpackage-input/sigma-workbench.jar
for jar in target/jpackage-deps/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar) cp "$jar" target/jpackage-fx/ ;;
    javafx-*) ;; # the platform-neutral JavaFX jars hold no classes
    *) cp "$jar" target/jpackage-input/ ;;
  esac
done
jpackage --type app-image --dest target/dist --name "Sigma Workbench" \
  --input target/jpackage-input --main-jar sigma-workbench.jar --main-class org.sigmaworkbench.Launcher \
  --module-path target/jpackage-fx --add-modules java.management,java.xml,javafx.controls \
  --jlink-options '--strip-debug --no-man-pages --no-header-files --strip-native-commands --compress=2' \
  --app-version 0.1.0 --vendor "Sigma Workbench" --description "Sigma rules to KQL, tested on logs"
echo "app image: target/dist/Sigma Workbench/bin/Sigma Workbench"
if [ "${1:-}" = "--deb" ]; then
  jpackage --type deb --dest target/dist --app-image "target/dist/Sigma Workbench" --name sigma-workbench \
    --app-version 0.1.0 --linux-package-deps 'libgtk-3-0, fonts-dejavu-core' --linux-shortcut
  ls -la target/dist/*.deb
fi
