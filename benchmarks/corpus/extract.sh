#!/usr/bin/env bash
# Writes the tree of one corpus repository at its listed commit into ${CORPUS_SRC:-/work/corpus-src}/<owner>+<name>.
#
#   benchmarks/corpus/extract.sh GIT_DIR OWNER/NAME [COMMIT]
#
# GIT_DIR is the git directory the search tool's `fetch github:OWNER/NAME` returned (/work/.mirror/OWNER+NAME/repo).
# COMMIT defaults to the one repos.tsv lists for OWNER/NAME. Every tracked file is written, as a clone would have
# it: unlike `git archive`, files marked export-ignore in .gitattributes (CI workflows, for one) are kept, and a
# blob the snapshot lacks (files of 4 MiB and more are not stored) is reported and skipped instead of ending the
# extraction. Only files are written: nothing from the repository is built or run.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=${CORPUS_SRC:-/work/corpus-src}
[ $# -ge 2 ] || { echo "usage: $0 GIT_DIR OWNER/NAME [COMMIT]" >&2; exit 2; }
gitdir=$1 repo=$2 commit=${3:-}
[ -d "$gitdir/.git" ] && gitdir=$gitdir/.git
if [ -z "$commit" ]; then
  commit=$(awk -F'\t' -v r="$repo" '$1 == r { print $2 }' "$HERE/repos.tsv")
  [ -n "$commit" ] || { echo "$repo is not in $HERE/repos.tsv: give the commit" >&2; exit 2; }
fi
git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null \
  || { echo "$gitdir has no commit $commit: fetch the repository again" >&2; exit 1; }
dest=$SRC/${repo/\//+}
rm -rf "$dest"
mkdir -p "$dest"
index=$(mktemp)
trap 'rm -f "$index"' EXIT
GIT_INDEX_FILE=$index git --git-dir="$gitdir" --work-tree="$dest" read-tree "$commit"
# checkout-index goes on past a missing blob (the error names it) and writes every other file
GIT_INDEX_FILE=$index git --git-dir="$gitdir" --work-tree="$dest" checkout-index -a -f || true
echo "$repo $commit -> $dest ($(find "$dest" -type f | wc -l) files)"
