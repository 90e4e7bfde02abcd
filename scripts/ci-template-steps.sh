#!/usr/bin/env bash
# Runs the steps of the CI templates in docs/ci/ on this machine, against a district repository made from the sample.
#
#   scripts/ci-template-steps.sh                      the release archive from dist/ (built by scripts/release.sh if absent)
#   scripts/ci-template-steps.sh .build/debug/vorort   any vorort binary, packed into an archive as a release is
#
# 1. A git repository with the sample's site.yml, content/ and themes/ on `main`, a branch `kaputt` with an unknown
#    category (line 3 of an offer) and a branch `neues-angebot` with one more valid offer.
# 2. The pre-commit hook (docs/ci/pre-commit) in a clone: it lets a good change through, stops a broken one with a
#    German message, checks what is staged rather than the working tree, and lets everything through when vorort is
#    missing.
# 3. scripts/ci-template-steps.py: the GitLab jobs and GitHub steps, read from the YAML files, for a push to the
#    default branch and for merge/pull requests (broken and good); vorort is "downloaded" from a file:// URL and its
#    SHA-256 checked as in CI. apt-get and pip only run when something is missing; GitHub's actions
#    (checkout aside) and the GitLab and GitHub servers are not run here.
# The work folder is removed at the end unless KEEP=1.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/vorort-ci-steps.XXXXXX")"
cleanup() { if [ "${KEEP:-0}" != 1 ]; then rm -rf "$work"; else echo "Work folder kept: $work"; fi; }
trap cleanup EXIT

# The release archive: given binary packed like a release, or the newest from dist/, or a new release build.
if [ $# -ge 1 ]; then
  binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
  [ -x "$binary" ] || { echo "ci-template-steps: $1 is not an executable" >&2; exit 2; }
  mkdir -p "$work/dist/vorort-test-linux-x86_64"
  cp "$binary" "$work/dist/vorort-test-linux-x86_64/vorort"
  archive="$work/dist/vorort-test-linux-x86_64.tar.gz"
  tar -C "$work/dist" -czf "$archive" vorort-test-linux-x86_64
  (cd "$work/dist" && sha256sum "$(basename "$archive")" > "$(basename "$archive").sha256")
else
  archive="$(ls -t "$root"/dist/vorort-*-linux-x86_64.tar.gz 2>/dev/null | head -1 || true)"
  if [ -z "$archive" ]; then
    "$root/scripts/release.sh"
    archive="$(ls -t "$root"/dist/vorort-*-linux-x86_64.tar.gz | head -1)"
  fi
fi
echo "vorort archive: $archive"

export GIT_AUTHOR_NAME="Redaktion" GIT_AUTHOR_EMAIL="redaktion@example.org"
export GIT_COMMITTER_NAME="Redaktion" GIT_COMMITTER_EMAIL="redaktion@example.org"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
repo="$work/repo"
mkdir -p "$repo"
cp -R "$root/site.yml" "$root"/site.*.yml "$root/content" "$root/themes" "$repo/"
[ -d "$root/lint" ] && cp -R "$root/lint" "$repo/"
printf 'public/\n' > "$repo/.gitignore"
git -C "$repo" init -q -b main
git -C "$repo" add -A
git -C "$repo" commit -q -m "Inhalte des Landkreises"

offer="content/gemeinden/lindenbrueck/angebote/sprachcafe-am-markt.md"
sed -n 3p "$repo/$offer" | grep -q '^category: Sprache$' || { echo "ci-template-steps: line 3 of $offer is not 'category: Sprache'" >&2; exit 1; }
git -C "$repo" checkout -q -b kaputt
sed -i '3s/^category: Sprache$/category: Sprachen/' "$repo/$offer"
git -C "$repo" commit -q -am "Kategorie vertippt"
git -C "$repo" checkout -q -b neues-angebot main
new_offer="content/gemeinden/lindenbrueck/angebote/nachhilfe-im-jugendhaus.md"
sed -e 's/^title: .*/title: Nachhilfe im Jugendhaus/' "$repo/$offer" > "$repo/$new_offer"
git -C "$repo" add "$new_offer"
git -C "$repo" commit -q -m "Neues Angebot: Nachhilfe im Jugendhaus"
git -C "$repo" checkout -q main

# --- the pre-commit hook -----------------------------------------------------------------------------------------
mkdir -p "$work/hook-bin"
tar -xzf "$archive" -C "$work/hook-bin" --strip-components=1
hook_path="$work/hook-bin:$PATH"
git clone -q "$repo" "$work/hook"
cp "$root/docs/ci/pre-commit" "$work/hook/.git/hooks/pre-commit"
chmod +x "$work/hook/.git/hooks/pre-commit"
commit() { (cd "$work/hook" && PATH="$1" git commit -q -m "$2" >"$work/hook.out" 2>&1); }

# A good change passes.
sed -i 's/^title: Sprachcafé am Markt$/title: Sprachcafé am Markt in Lindenbrück/' "$work/hook/$offer"
git -C "$work/hook" add "$offer"
commit "$hook_path" "Titel ergänzt" || { cat "$work/hook.out"; echo "ci-template-steps: the hook stopped a good commit" >&2; exit 1; }
# A broken change is stopped, with the finding and the German way out.
sed -i '3s/^category: Sprache$/category: Sprachen/' "$work/hook/$offer"
git -C "$work/hook" add "$offer"
if commit "$hook_path" "Kategorie vertippt"; then
  echo "ci-template-steps: the hook let a broken commit through" >&2; exit 1
fi
grep -q "$offer:3:.*unknown-category" "$work/hook.out" || { cat "$work/hook.out"; echo "ci-template-steps: no finding at $offer:3" >&2; exit 1; }
grep -qi "nicht gespeichert" "$work/hook.out" && grep -q "git commit --no-verify" "$work/hook.out" \
  || { cat "$work/hook.out"; echo "ci-template-steps: the hook's German message is missing" >&2; exit 1; }
[ "$(git -C "$work/hook" log -1 --format=%s)" = "Titel ergänzt" ] || { echo "ci-template-steps: a commit was made" >&2; exit 1; }
# The staged state counts: the broken file fixed in the index but still broken in the working tree passes.
git -C "$work/hook" show HEAD:"$offer" | sed 's/^title: .*/title: Sprachcafé am Markt (Lindenbrück)/' > "$work/good.md"
blob="$(git -C "$work/hook" hash-object -w "$work/good.md")"
git -C "$work/hook" update-index --cacheinfo "100644,$blob,$offer"
commit "$hook_path" "Nur die gute Fassung" && git -C "$work/hook" diff --cached --quiet \
  || { cat "$work/hook.out"; echo "ci-template-steps: the hook checked the working tree instead of the index" >&2; exit 1; }
# Without vorort the hook says so and lets the commit through.
echo "Notiz" > "$work/hook/content/kreis/notiz.txt"
git -C "$work/hook" add content/kreis/notiz.txt
commit "/usr/bin:/bin" "Ohne vorort" && grep -q "nicht installiert" "$work/hook.out" \
  || { cat "$work/hook.out"; echo "ci-template-steps: the hook without vorort did not let the commit through" >&2; exit 1; }
# A vorort that takes paths (`vorort check PATH…`, planned) is given the staged files, inside the exported site.
mkdir -p "$work/fake-bin"
cat > "$work/fake-bin/vorort" <<'FAKE'
#!/bin/sh
if [ "$2" = "--help" ]; then echo "USAGE: vorort check [--site <dir>] [<path> ...]"; exit 0; fi
site="$3"; shift 3
for path in "$@"; do
  case "$path" in "$site"/*) [ -f "$path" ] || exit 3 ;; *) exit 4 ;; esac
done
printf '%s\n' "$@" | sed "s|^$site/||" > "$FAKE_LOG"
FAKE
chmod +x "$work/fake-bin/vorort"
sed -i 's/^title: .*/title: Sprachcafé am Markt/' "$work/hook/$offer"
git -C "$work/hook" add "$offer"
FAKE_LOG="$work/fake.log" commit "$work/fake-bin:$PATH" "Mit Pfaden" && [ "$(cat "$work/fake.log")" = "$offer" ] \
  || { cat "$work/hook.out" "$work/fake.log"; echo "ci-template-steps: the hook did not pass the staged file to vorort check" >&2; exit 1; }
echo "pre-commit hook: good change passed, broken change stopped, index checked, missing vorort tolerated, staged paths handed on."

# --- the templates' jobs and steps ------------------------------------------------------------------------------
python3 "$root/scripts/ci-template-steps.py" "$repo" "$work" "$archive"
