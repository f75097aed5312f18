# Sourced by bench/serve*.sh. serve_start COMMAND...: runs COMMAND (kovgen serve, or
# kovgen-serve under a tool) on a free loopback port with its data in "$work/d",
# then imports samples/ogs/ogs-teilweise.yaml as draft 1. The caller makes "$work"
# and stops "$server" on exit. Sets server, url, jar, csrf and session.
serve_start() {
  export NO_PROXY='*' no_proxy='*'
  SOURCE_DATE_EPOCH=1767225600 "$@" --listen 127.0.0.1:0 --data "$work/d" 2>"$work/log" &
  server=$!
  for _ in $(seq 600); do grep -q '://' "$work/log" && break; sleep 0.1; done
  local port
  port=$(grep -o '127.0.0.1:[0-9]*' "$work/log" | head -1 | cut -d: -f2)
  url=http://127.0.0.1:$port
  jar=$work/jar
  csrf=$(curl -s -c "$jar" -b "$jar" "$url/" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | grep -o '[0-9a-f]\{64\}')
  curl -s -c "$jar" -b "$jar" -o /dev/null -F "csrf=$csrf" -F art=import -F titel=Bench \
    -F "antworten=@samples/ogs/ogs-teilweise.yaml" "$url/entwuerfe"
  session=$(awk '$6 == "kovgen_sitzung" {print $7}' "$jar")
}
