#!/bin/bash
# Adds ("enable") or removes ("disable") one plugin in the spec.plugins list of
# consoles.operator.openshift.io/cluster and leaves every other entry as it is.
#
# The list is written whole, so the write carries the resourceVersion that was read: the API
# server treats it as a precondition and answers 409 Conflict if anyone changed the object in
# between, instead of letting this script overwrite their change. On any failure the script
# reads again and retries. Re-running it is harmless: nothing is written when the list already
# says what we want.
#
# jq is not in the cli image, so the list is read through jsonpath, which joins entries with
# spaces; plugin names are Kubernetes object names and never contain spaces.
set -euo pipefail

action="${1:-}"
plugin="${PLUGIN_NAME:?PLUGIN_NAME must name the console plugin}"
max_attempts="${MAX_ATTEMPTS:-10}"
retry_delay="${RETRY_DELAY_SECONDS:-3}"
resource="consoles.operator.openshift.io"
console="cluster"

case "$action" in
  enable | disable) ;;
  *)
    echo "usage: $0 enable|disable" >&2
    exit 2
    ;;
esac

errors="$(mktemp "${TMPDIR:-/tmp}/console-plugins.XXXXXX")"
trap 'rm -f "$errors"' EXIT

json_string() {
  local s="${1//\\/\\\\}"
  printf '"%s"' "${s//\"/\\\"}"
}

json_list() {
  local out="" item
  for item in "$@"; do
    out+="${out:+,}$(json_string "$item")"
  done
  printf '[%s]' "$out"
}

for ((attempt = 1; attempt <= max_attempts; attempt++)); do
  if ((attempt > 1)); then
    sleep "$retry_delay"
  fi

  if ! state="$(oc get "$resource" "$console" -o 'jsonpath={.metadata.resourceVersion} {.spec.plugins[*]}' 2>"$errors")"; then
    if [[ "$action" == disable ]] && grep -q 'NotFound' "$errors"; then
      # Without the console operator's config there is no list to clean up; failing here
      # would only block the uninstall.
      echo "$resource/$console does not exist: nothing to remove"
      exit 0
    fi
    echo "attempt $attempt/$max_attempts: cannot read $resource/$console: $(cat "$errors")" >&2
    continue
  fi

  read -r -a words <<<"$state"
  version="${words[0]:-}"
  current=("${words[@]:1}")
  if [[ -z "$version" ]]; then
    echo "attempt $attempt/$max_attempts: $resource/$console has no resourceVersion" >&2
    continue
  fi

  present=false
  wanted=()
  for item in "${current[@]}"; do
    if [[ "$item" == "$plugin" ]]; then
      present=true
      if [[ "$action" == enable ]]; then
        wanted+=("$item")
      fi
    else
      wanted+=("$item")
    fi
  done

  if [[ "$action" == enable && "$present" == true ]]; then
    echo "plugin $plugin is already enabled"
    exit 0
  fi
  if [[ "$action" == disable && "$present" == false ]]; then
    echo "plugin $plugin is not enabled: nothing to remove"
    exit 0
  fi
  if [[ "$action" == enable ]]; then
    wanted+=("$plugin")
  fi

  patch="{\"metadata\":{\"resourceVersion\":$(json_string "$version")},\"spec\":{\"plugins\":$(json_list "${wanted[@]}")}}"
  if oc patch "$resource" "$console" --type=merge -p "$patch" >/dev/null 2>"$errors"; then
    echo "plugin $plugin ${action}d; console plugins are now: ${wanted[*]:-(none)}"
    exit 0
  fi
  echo "attempt $attempt/$max_attempts: patch of $resource/$console failed: $(cat "$errors")" >&2
done

echo "giving up: could not $action plugin $plugin after $max_attempts attempts" >&2
exit 1
