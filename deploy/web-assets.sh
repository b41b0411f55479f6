#!/usr/bin/env bash
# The JavaScript and CSS that `etl/publish/maps.py` inlines into its offline HTML map: Leaflet and
# Leaflet.markercluster from the npm registry, unpacked into the folder given as $1 (the map looks in
# $MARSAD_WEB_ASSETS, else <venv>/share/marsad/web). Idempotent: does nothing when the files are there.
#
#   deploy/web-assets.sh .venv/share/marsad/web
set -euo pipefail

target=${1:?usage: $0 TARGET_DIR   (e.g. .venv/share/marsad/web)}
files=(leaflet.js leaflet.css leaflet.LICENSE
       leaflet.markercluster.js MarkerCluster.css MarkerCluster.Default.css leaflet.markercluster.LICENSE)

missing=0
for f in "${files[@]}"; do [ -s "$target/$f" ] || missing=1; done
if [ "$missing" = 0 ]; then
  echo "web-assets: already in $target"
  exit 0
fi
command -v npm >/dev/null || { echo "web-assets: npm is needed (apt-get install npm)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent leaflet@1.9.4 leaflet.markercluster@1.5.3 >/dev/null)

# npm checks the registry's own hash; these pins also catch a republished or tampered tarball.
(cd "$work" && sha512sum --quiet -c -) <<'EOF'
9f14b5ca7cc93a63a51e9fa22f71725aa2bcf46b4d2fc53caef94c3ac41d4d3b2cc59c025e1f0dd8d07718340e2fe611dd79d6c99031c108b15116fe140ef83c  leaflet-1.9.4.tgz
bcf4f0fc19ddabb7901e32c15655a99c678b6b7b7edf31a2b8cedf2700a488c16afa7991b86dd12377fb7f83784c35fb4f83696c05e9476f8d4d148419f09278  leaflet.markercluster-1.5.3.tgz
EOF

# only the files named below leave the tarballs
unpack() {  # tarball, then pairs of (path in the package, name in the target)
  local tarball=$1; shift
  mkdir -p "$work/x"
  while [ $# -gt 0 ]; do
    tar -xzf "$work/$tarball" -C "$work/x" "package/$1"
    install -m 0644 "$work/x/package/$1" "$work/out/$2"
    shift 2
  done
}
mkdir -p "$work/out"
unpack leaflet-1.9.4.tgz dist/leaflet.js leaflet.js dist/leaflet.css leaflet.css LICENSE leaflet.LICENSE
unpack leaflet.markercluster-1.5.3.tgz dist/leaflet.markercluster.js leaflet.markercluster.js \
  dist/MarkerCluster.css MarkerCluster.css dist/MarkerCluster.Default.css MarkerCluster.Default.css \
  MIT-LICENCE.txt leaflet.markercluster.LICENSE

mkdir -p "$target"
cp "$work"/out/* "$target"/
echo "web-assets: Leaflet 1.9.4 and Leaflet.markercluster 1.5.3 in $target"
