#!/usr/bin/env bash
# Mutation testing of the core: applies one small bug ("mutant") at a time to a
# source file, rebuilds the tests in their own build directory and runs them. A
# mutant some test notices is killed; one that passes every test shows a blind
# spot of the tests. The source file is always restored.
#   bench/mutants.sh             every mutant, then the score
#   bench/mutants.sh --only N    mutant N alone
#   bench/mutants.sh --list      the mutants, numbered, with STALE ones marked
#   bench/mutants.sh [--only N] -- ARGS   passes ARGS to the test binary, e.g.
#                                -tce='a known failure*' while the baseline fails
# Environment: MUTANTS_BUILD_DIR (default build-mutants), MUTANTS_TIMEOUT
# (seconds per test run, default 300). Logs: <build dir>/mutant-logs/N.log.
# Needs cmake, perl and coreutils' timeout.
set -uo pipefail
cd "$(dirname "$0")/.."

# One mutant per line: file @@ original @@ replacement @@ description.
# The original must occur exactly once in the file (else the mutant is STALE);
# both snippets are taken literally, between the " @@ " separators; an empty
# replacement ("@@  @@") deletes the original.
MUTANTS=$(cat <<'EOF'
# Equivalent, so left out: markdown_escape.cc without "|| rest[1] == '#'" ("&#38;"
# stays literal because '#' is always escaped); pdf_writer.cc without the "\\n"
# escape (a raw LF in a string is read as LF).
src/base/german_format.cc @@ || y % 400 == 0; } @@ ; } @@ dates: leap years without the 400-year rule (29.02.2000 rejected)
src/base/german_format.cc @@ (y % 4 == 0 && y % 100 != 0) @@ (y % 4 == 0) @@ dates: every 4th year a leap year, 1900 and 2100 too
src/base/german_format.cc @@ return d.day <= days; @@ return d.day < days; @@ dates: the last day of a month rejected
src/base/german_format.cc @@ d.year < 1900 || d.year > 2199 @@ d.year < 1900 || d.year >= 2199 @@ dates: the year 2199 rejected
src/base/german_format.cc @@ || d.day < 1) return false; @@ ) return false; @@ dates: day 0 accepted
src/model/value.cc @@ (q.min && v < *q.min) @@ (q.min && v <= *q.min) @@ bounds: a value equal to min rejected
src/model/value.cc @@ (q.max && v > *q.max) @@ (q.max && v >= *q.max) @@ bounds: a value equal to max rejected
src/model/checklist.cc @@ if (!answers.applies(q)) continue; @@  @@ checklist: questions whose condition is false still required
src/model/checklist.cc @@ if (q.required) sf.missing.push_back @@ sf.missing.push_back @@ checklist: optional questions reported missing
src/model/checklist.cc @@ if (field.required && !row_has( @@ if (!row_has( @@ checklist: optional table fields reported missing
src/model/checklist.cc @@ if (s.mandatory && !s.complete) return true; @@ if (!s.complete) return true; @@ checklist: a recommended section counts as mandatory
src/model/condition.cc @@ return !v || *v != c.values[0]; @@ return v && *v != c.values[0]; @@ conditions: != false for an unanswered question
src/model/condition.cc @@ return v && *v == c.values[0]; @@ return !v || *v == c.values[0]; @@ conditions: == true for an unanswered question
src/model/condition.cc @@ && *v != "false"; @@ ; @@ conditions: the answer false counts as given
src/model/condition.cc @@ if (!v) return false; @@ if (!v) return true; @@ conditions: in [...] true for an unanswered question
src/model/condition.cc @@ return s.front() != '.' && s.back() != '.'; @@ return true; @@ conditions: keys with a leading or trailing dot accepted
src/compose/markdown_escape.cc @@ case '|': case '~': @@ case '~': @@ escaping (Markdown): table pipes not escaped
src/compose/markdown_escape.cc @@ return c == '-' || c == '+' @@ return c == '+' @@ escaping (Markdown): a leading dash starts a list
src/compose/markdown_escape.cc @@ (line[digits] == '.' || line[digits] == ')') @@ (line[digits] == '.') @@ escaping (Markdown): "1)" at a line start starts a list
src/compose/markdown_escape.cc @@ (std::isalnum(static_cast<unsigned char>(rest[1])) || rest[1] == '#') @@ (rest[1] == '#') @@ escaping (Markdown): named character references (&amp;) not escaped
src/writers/docx/docx_xml.cc @@ (cp >= 0x20 && cp != 0xFFFE @@ (cp >= 0x01 && cp != 0xFFFE @@ escaping (DOCX): control characters reach the XML
src/writers/docx/docx_xml.cc @@ if (piece.front() == ' ' || piece.back() == ' ' @@ if (piece.back() == ' ' @@ escaping (DOCX): leading spaces dropped by Word
src/writers/docx/docx_xml.cc @@ text[i] == '\t' ? "w:tab" : "w:br" @@ text[i] == '\t' ? "w:br" : "w:tab" @@ escaping (DOCX): tabs and line breaks swapped
src/writers/pdf/pdf_writer.cc @@ case '(': case ')': case '\\': out += '\\'; @@ case '\\': out += '\\'; @@ escaping (PDF): parentheses in text strings not escaped
src/writers/pdf/pdf_writer.cc @@ case '\r': out += "\\r"; break; @@  @@ escaping (PDF): a raw CR in a text string
src/batch/csv_reader.cc @@ if (tabs > semicolons && tabs > commas) return '\t'; @@ if (tabs > semicolons) return '\t'; @@ CSV: tab wins over more commas
src/batch/csv_reader.cc @@ return commas > semicolons ? ',' : ';'; @@ return commas >= semicolons ? ',' : ';'; @@ CSV: a tie goes to the comma
src/batch/csv_reader.cc @@ if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') { @@ if (false) { @@ CSV: doubled quotes end the field
src/batch/csv_reader.cc @@ if (head != "sep=") return std::nullopt; @@ return std::nullopt; @@ CSV: Excel's sep= line ignored
src/batch/csv_reader.cc @@ else if (c < 0xA0) append_utf8 @@ else if (c < 0x80) append_utf8 @@ CSV: Windows-1252 read as Latin-1 (no euro sign)
src/batch/csv_reader.cc @@ little_endian ? (b << 8 | a) : (a << 8 | b) @@ little_endian ? (a << 8 | b) : (b << 8 | a) @@ CSV: UTF-16 byte order swapped
src/batch/csv_reader.cc @@ if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_; @@  @@ CSV: CRLF counted as two line ends
src/batch/batch_naming.cc @@ dash != std::string::npos && dash >= max_bytes / 2 ? dash : max_bytes @@ dash != std::string::npos ? dash : max_bytes @@ naming: slugs cut at a dash in the first half
src/batch/batch_naming.cc @@ if (slug.size() > max_bytes) { @@ if (slug.size() >= max_bytes) { @@ naming: a slug of exactly the limit is cut
src/batch/batch_naming.cc @@ if (is_windows_reserved_name(folder)) folder += "_"; @@  @@ naming: Windows device names as folders
src/batch/batch_naming.cc @@ base[3] >= '1' @@ base[3] >= '0' @@ naming: COM0 and LPT0 taken as device names
src/batch/batch_naming.cc @@ for (int n = 2; used_.count(unique); ++n) @@ for (int n = 2; false; ++n) @@ naming: duplicate folder names
src/batch/batch_resume.cc @@ if (disk.file_size(folder + "/" + name) != size) return false; @@  @@ resume: a truncated output counts as done
src/batch/batch_resume.cc @@ || m->files.size() != file_names.size()) @@ ) @@ resume: a new output format does not rewrite the school
src/batch/batch_resume.cc @@ if (nl == std::string_view::npos) return std::nullopt; @@ if (nl == std::string_view::npos) break; @@ resume: a cut-short manifest accepted
src/batch/batch_resume.cc @@ XXH3_128bits_update(state, &size, sizeof size); @@  @@ resume: fingerprint blind to where parts begin
src/batch/batch_resume.cc @@ file.size() == name.size() + 11 @@ file.size() >= name.size() + 11 @@ resume: clearing removes more than temporary files
src/layout/layout_text.cc @@ letters > 3 && pos < run.text.size() @@ letters > 1 && pos < run.text.size() @@ layout: "E-Mail" broken after "E-"
src/layout/layout_text.cc @@ if (is_letter(next_code_point(run.text, peek))) { @@ if (true) { @@ layout: "2026/27" broken after the slash
src/layout/layout_text.cc @@ if (number_follows && a == k) words[i].breakable = false; @@  @@ layout: "§" and "Abs." parted from their number
src/layout/layout_text.cc @@ if (extra > kMaxStretch * (natural_glue / float(std::max(glues, 1)))) extra = 0; @@  @@ layout: a line cut short stretched into holes
src/layout/layout.cc @@ item.break_before = k == 0 || (k >= 2 && n - k >= 2); @@ item.break_before = true; @@ layout: widows and orphans allowed
src/layout/layout.cc @@ if (prev && (prev->keep_with_next || @@ if (prev && (false || @@ layout: a heading left alone at a page end
src/layout/layout.cc @@ if (k > start && y + above + it.height + pad > height + kEpsilon) { @@ if (k > start && y + above + it.height > height + kEpsilon) { @@ layout: no room left for a box's bottom padding
src/base/utf8.cc @@ if (c >= 0xC2 && c <= 0xDF) @@ if (c >= 0xC0 && c <= 0xDF) @@ UTF-8: overlong 2-byte forms (C0 AF = "/") accepted
src/base/utf8.cc @@ if (c == 0xE0 && b(1) < 0xA0) return 0;  // overlong @@  @@ UTF-8: overlong 3-byte forms accepted
src/base/utf8.cc @@ if (c == 0xED && b(1) >= 0xA0) return 0;  // surrogates @@  @@ UTF-8: surrogates accepted
src/base/utf8.cc @@ if (c == 0xF0 && b(1) < 0x90) return 0;  // overlong @@  @@ UTF-8: overlong 4-byte forms accepted
src/base/utf8.cc @@ if (c == 0xF4 && b(1) >= 0x90) return 0;  // above U+10FFFF @@  @@ UTF-8: code points above U+10FFFF accepted
src/base/utf8.cc @@ if (c >= 0xF0 && c <= 0xF4) { @@ if (c >= 0xF0 && c <= 0xF7) { @@ UTF-8: lead bytes F5..F7 accepted
src/base/utf8.cc @@ auto cont = [&](size_t i) { return i < left && @@ auto cont = [&](size_t i) { return @@ UTF-8: sequences read past the end of the text
src/base/utf8.cc @@ if (nul != std::string_view::npos) { @@ if (false) { @@ UTF-8: NUL bytes accepted in text files
src/model/number_reader.cc @@ (after.size() == 1 || after.size() == 2) && all_digits(after) @@ after.size() >= 1 && after.size() <= 3 && all_digits(after) @@ numbers: 12.500 read as twelve and a half (the dot as a decimal point)
src/model/number_reader.cc @@ if (groups[i].size() != 3 || !all_digits(groups[i])) return false; @@ if (!all_digits(groups[i])) return false; @@ numbers: 1.5.00 read as grouping
src/model/number_reader.cc @@ groups[0].size() > 3 || groups[0][0] == '0' @@ groups[0].size() > 4 || groups[0][0] == '0' @@ numbers: 1234.500 read as grouping
src/model/number_reader.cc @@ groups[0].size() > 3 || groups[0][0] == '0' @@ groups[0].size() > 3 @@ numbers: 0.500 read as 500, not refused as ambiguous
src/model/number_reader.cc @@ for (; d < 2; ++d) value *= 10; @@ for (; d < 1; ++d) value *= 10; @@ money: 12,5 read as 1,25 (cents not scaled)
src/model/number_reader.cc @@ last_dot != std::string_view::npos && last_dot > comma @@ last_dot != std::string_view::npos && last_dot < comma @@ numbers: English 12,500.00 not recognised
src/model/number_reader.cc @@ {"€", "Euro", "EUR"} @@ {"€", "EUR"} @@ money: "800 Euro" refused
src/model/number_reader.cc @@ (strip_suffix(s, ",-") || @@ ( @@ money: "100,-" refused
src/model/number_reader.cc @@ if (negative) n->units = -n->units; @@  @@ numbers: the minus sign dropped
src/model/number_reader.cc @@ if (n->decimals > kMaxDecimals) { @@ if (false) { @@ numbers: more decimals than the formatter writes accepted
src/model/number_reader.cc @@ {"\u00A0", "\u202F", "\u2009"} @@ {"\u00A0", "\u2009"} @@ numbers: a narrow no-break space as group separator refused
EOF
)

build_dir=${MUTANTS_BUILD_DIR:-build-mutants}
test_timeout=${MUTANTS_TIMEOUT:-300}

files=() originals=() replacements=() descriptions=()
while IFS= read -r line; do
  [[ -z $line || $line == \#* ]] && continue
  rest=$line fields=()
  for _ in 1 2 3; do
    if [[ $rest != *" @@ "* ]]; then
      echo "mutants.sh: malformed mutant line (needs 4 fields): $line" >&2
      exit 2
    fi
    fields+=("${rest%% @@ *}")
    rest=${rest#* @@ }
  done
  files+=("${fields[0]}") originals+=("${fields[1]}") replacements+=("${fields[2]}") descriptions+=("$rest")
done <<<"$MUTANTS"
total=${#files[@]}

# How often the original of mutant $1 occurs in its file.
occurrences() {
  [ -f "${files[$1]}" ] || { echo 0; return; }
  ORIG=${originals[$1]} perl -0777 -ne 'my $n = 0; my $p = 0;
    while (($p = index($_, $ENV{ORIG}, $p)) >= 0) { $n++; $p++ } print $n' "${files[$1]}"
}

only="" test_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --list)
      for ((i = 0; i < total; i++)); do
        n=$(occurrences "$i")
        printf '%3d  %-30s %s%s\n' $((i + 1)) "${files[$i]}" "${descriptions[$i]}" \
          "$([ "$n" = 1 ] || echo "  [STALE: original found $n times]")"
      done
      exit 0 ;;
    --only)
      only=${2:-}
      if ! [[ $only =~ ^[0-9]+$ ]] || ((only < 1 || only > total)); then
        echo "mutants.sh: --only needs a mutant number from 1 to $total" >&2
        exit 2
      fi
      shift 2 ;;
    --)
      shift
      test_args=("$@")
      break ;;
    *) echo "usage: bench/mutants.sh [--list | --only N] [-- test binary arguments]" >&2; exit 2 ;;
  esac
done

# The file under mutation, its backup and what the mutant made of it. Restoring
# rewrites the file (a new mtime, so the next build sees the change); if someone
# edited the file meanwhile, their version is kept and the backup left next to it.
applied="" backup="" mutated=""
restore() {
  [ -n "$applied" ] || return 0
  if cmp -s "$applied" "$mutated"; then
    cat "$backup" >"$applied"
  else
    cp "$backup" "$applied.mutants-backup"
    echo "mutants.sh: $applied changed during the run; not restored, original in $applied.mutants-backup" >&2
  fi
  rm -f "$backup" "$mutated"
  applied=""
}
trap restore EXIT
trap 'exit 130' INT TERM HUP

build() {
  if [ ! -f "$build_dir/build.ninja" ] && [ ! -f "$build_dir/Makefile" ]; then
    local generator=()
    command -v ninja >/dev/null && generator=(-G Ninja)
    cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release >"$1" 2>&1 || return 1
  fi
  cmake --build "$build_dir" --target kovgen_unit_tests kovgen_cli_tests kovgen_client_tests kovgen >>"$1" 2>&1
}

# Runs the unit, CLI and real-client tests (the last without LibreOffice, which
# only converts what the DOCX tests check anyway), stopping at the first binary
# that fails; prints the first failing test case, if any.
run_tests() {
  local rc=0 binary
  for binary in unit cli client; do
    timeout "$test_timeout" "$build_dir/kovgen_${binary}_tests" --abort-after=1 -tce='docx libreoffice*' \
      "${test_args[@]}" >>"$1" 2>&1
    rc=$?
    [ "$rc" = 0 ] || break
  done
  awk '/^TEST CASE:/ { sub(/^TEST CASE: */, ""); name = $0 }
       / ERROR: / && name != "" { print name; exit }' "$1"
  return $rc
}

logs=$build_dir/mutant-logs
mkdir -p "$logs"
echo "Baseline: building $build_dir and running the tests unchanged ..."
if ! build "$logs/baseline.log"; then
  echo "mutants.sh: the unchanged sources do not build; see $logs/baseline.log" >&2
  exit 2
fi
if ! run_tests "$logs/baseline.log" >/dev/null; then
  echo "mutants.sh: the tests fail without any mutant; see $logs/baseline.log" >&2
  exit 2
fi

killed=0 ran=0 survivors=() stale=()
for ((i = 0; i < total; i++)); do
  number=$((i + 1))
  [ -n "$only" ] && [ "$number" != "$only" ] && continue
  ran=$((ran + 1))
  file=${files[$i]}
  label=$(printf '%3d %-28s %s' "$number" "$file" "${descriptions[$i]}")
  log=$logs/$number.log
  n=$(occurrences "$i")
  if [ "$n" != 1 ]; then
    echo "STALE      $label (original found $n times)"
    stale+=("$number")
    continue
  fi
  # Kept with the logs, so that even after a hard kill the original is found.
  backup=$logs/$number.orig mutated=$logs/$number.mutant
  cp "$file" "$backup"
  ORIG=${originals[$i]} REPL=${replacements[$i]} perl -0777 -pe \
    'my $p = index($_, $ENV{ORIG}); substr($_, $p, length $ENV{ORIG}) = $ENV{REPL}' "$backup" >"$mutated"
  applied=$file
  cat "$mutated" >"$file"
  : >"$log"
  if ! build "$log"; then
    echo "KILLED     $label (does not compile)"
    killed=$((killed + 1))
  else
    failing=$(run_tests "$log")
    rc=$?
    if [ "$rc" = 124 ]; then
      echo "KILLED     $label (tests time out)"
      killed=$((killed + 1))
    elif [ "$rc" != 0 ]; then
      echo "KILLED     $label (${failing:-exit code $rc})"
      killed=$((killed + 1))
    else
      echo "SURVIVED   $label"
      survivors+=("$number")
    fi
  fi
  restore
done

echo
percent=$((ran > 0 ? killed * 100 / ran : 0))
echo "Score: $killed/$ran ($percent %)"
[ ${#survivors[@]} -gt 0 ] && echo "Survivors: ${survivors[*]}"
[ ${#stale[@]} -gt 0 ] && echo "Stale (errors): ${stale[*]}"
[ ${#survivors[@]} -eq 0 ] && [ ${#stale[@]} -eq 0 ]
