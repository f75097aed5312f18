#include "batch_mapping.h"

#include <algorithm>

#include "i18n.h"
#include "text_decoding.h"
#include "text_match.h"
#include "yaml_dom.h"

namespace kovgen {

namespace {

std::vector<std::string> all_full_keys(const Template& t) {
  std::vector<std::string> keys;
  for (const auto& s : t.sections)
    for (const auto& q : s.questions) {
      if (q.type != QuestionType::records) keys.push_back(q.full_key);
      for (const auto& f : q.fields) keys.push_back(q.full_key + "." + f.key);
    }
  return keys;
}

// "section.table.field": the table question and its field, or nulls.
std::pair<const Question*, const Question*> find_table_field(const Template& t, const std::string& key) {
  const size_t dot = key.rfind('.');
  if (dot == std::string::npos) return {nullptr, nullptr};
  const Question* table = t.find_question(key.substr(0, dot));
  if (!table || table->type != QuestionType::records) return {nullptr, nullptr};
  for (const auto& f : table->fields)
    if (f.key == key.substr(dot + 1)) return {table, &f};
  return {nullptr, nullptr};
}

// A template whose only question is one field of a table, so that
// set_answer_from_text reads and checks the field's values.
std::shared_ptr<const Template> field_template(const Template& t, const Question& table, const Question& field) {
  auto scratch = std::make_shared<Template>();
  scratch->id = t.id;
  Section s;
  s.id = table.full_key.substr(0, table.full_key.find('.'));
  s.questions.push_back(field);
  s.questions.back().full_key = table.full_key + "." + field.key;
  s.questions.back().when.reset();
  scratch->sections.push_back(std::move(s));
  return scratch;
}


std::optional<MappingFile::Entry> pattern_entry(const YamlNode* n, const std::string& file, Diagnostics& diag) {
  if (!n) return std::nullopt;
  if (!n->is_scalar()) {
    diag.error(n->location(file), tr("expected a column pattern such as \"{Schulnummer}\""));
    return std::nullopt;
  }
  return MappingFile::Entry{n->scalar, "", n->location(file)};
}

bool read_pairs(const YamlNode* n, const char* what, bool key_is_column, const std::string& file,
                std::vector<MappingFile::Entry>& out, Diagnostics& diag) {
  if (!n || n->is_null()) return true;
  if (!n->is_mapping()) {
    diag.error(n->location(file), fill(tr("{}: expected a mapping (lines \"key: value\")"), {what}));
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i + 1 < n->items.size(); i += 2) {
    const YamlNode& key = n->items[i];
    const YamlNode& value = n->items[i + 1];
    if (!value.is_scalar()) {
      diag.error(value.location(file), fill(tr("{}: expected text after {}"), {what, quoted_value(key.text() + ":")}));
      ok = false;
      continue;
    }
    const Location at = key.location(file);
    out.push_back(key_is_column ? MappingFile::Entry{key.text(), value.scalar, at}
                                : MappingFile::Entry{value.scalar, key.text(), at});
  }
  return ok;
}

}  // namespace

std::optional<MappingFile> parse_mapping(const std::string& yaml_text, const std::string& file, Diagnostics& diag) {
  // Column names are compared with the school list's header, which is NFC.
  auto decoded = decode_text(yaml_text, file, diag);
  if (!decoded) return std::nullopt;
  auto root = parse_yaml(decoded->text, file, diag);
  if (!root) return std::nullopt;
  MappingFile m;
  m.file = file;
  if (root->is_null()) return m;
  if (!root->is_mapping()) {
    diag.error(root->location(file), tr("a mapping file is a mapping with kennung, name, spalten and werte"));
    return std::nullopt;
  }
  const int errors_before = diag.error_count();
  check_known_keys(*root, {"kennung", "name", "spalten", "werte"}, tr("in the mapping file"), file, diag);
  m.id = pattern_entry(root->find("kennung"), file, diag);
  m.name = pattern_entry(root->find("name"), file, diag);
  read_pairs(root->find("spalten"), "spalten", true, file, m.columns, diag);
  read_pairs(root->find("werte"), "werte", false, file, m.values, diag);
  if (diag.error_count() > errors_before) return std::nullopt;
  return m;
}

std::optional<RowMapper> RowMapper::make(const MappingFile* map, const CsvHeader& header, const Template& t,
                                         const std::string& csv_file, Diagnostics& diag) {
  RowMapper m;
  m.template_ = &t;
  m.header_ = header;
  m.csv_file_ = csv_file;
  const int errors_before = diag.error_count();
  const std::vector<std::string> keys = all_full_keys(t);
  std::vector<bool> used(header.names.size(), false);
  auto note_used = [&](int column) {
    if (column >= 0) used[static_cast<size_t>(column)] = true;
  };

  auto bind = [&](const std::string& key, ColumnPattern value, const Location& where) {
    for (const auto& b : m.bindings_)
      if (b.key == key) {
        diag.error(where, fill(tr("{} is set by two columns or patterns"), {key}));
        return;
      }
    if (auto [table, field] = find_table_field(t, key); table) {
      m.bindings_.push_back({key, std::move(value), table, field_template(t, *table, *field)});
      return;
    }
    const Question* q = t.find_question(key);
    if (!q) {
      const std::string n = nearest(key, keys);
      diag.error(where, n.empty() ? fill(tr("unknown question {} in template {}"), {quoted_value(key), t.id})
                                  : fill(tr("unknown question {} in template {}; did you mean {}?"),
                                         {quoted_value(key), t.id, quoted_value(n)}));
      return;
    }
    if (q->type == QuestionType::records) {
      diag.error(where, fill(tr("{}: a table comes from columns naming its fields, e.g. {}"),
                             {describe(*q), q->full_key + "." + (q->fields.empty() ? std::string("feld") : q->fields[0].key)}));
      return;
    }
    m.bindings_.push_back({key, std::move(value), nullptr, nullptr});
  };

  auto pattern = [&](const MappingFile::Entry& e) -> std::optional<ColumnPattern> {
    auto p = ColumnPattern::parse(e.from, header, e.where, diag);
    if (p)
      for (int column : p->columns()) note_used(column);
    return p;
  };

  if (map) {
    for (const auto& e : map->columns) {
      const int index = header.index_of(e.from);
      if (index < 0) {
        diag.error(e.where, no_such_column(e.from, header));
        continue;
      }
      note_used(index);
      bind(e.key, ColumnPattern::column(index), e.where);
    }
    for (const auto& e : map->values)
      if (auto p = pattern(e)) bind(e.key, std::move(*p), e.where);
    if (map->id) m.id_ = pattern(*map->id);
    if (map->name) m.name_ = pattern(*map->name);
  }
  for (size_t i = 0; i < header.names.size(); ++i) {
    const std::string& name = header.names[i];
    const bool mapped = map && std::any_of(map->columns.begin(), map->columns.end(),
                                           [&](const MappingFile::Entry& e) { return e.from == name; });
    if (mapped || name.find('.') == std::string::npos) continue;
    note_used(static_cast<int>(i));
    bind(name, ColumnPattern::column(static_cast<int>(i)), {csv_file, header.line, static_cast<int>(i + 1)});
  }
  if (!m.id_) {
    for (const char* column : {"id", "Schulnummer"})
      if (int index = header.index_of(column); index >= 0 && !m.id_) m.id_ = ColumnPattern::column(index);
  }
  if (!m.name_)
    if (int index = header.index_of("name"); index >= 0) m.name_ = ColumnPattern::column(index);
  if (m.id_) note_used(m.id_->first_column());
  if (m.name_) note_used(m.name_->first_column());
  for (size_t i = 0; i < header.names.size(); ++i)
    if (!used[i]) m.unused_.push_back(header.names[i]);
  if (diag.error_count() > errors_before) return std::nullopt;
  return m;
}

std::string RowMapper::id_of(const CsvRecord& r) const { return id_ ? tidy_value(id_->expand(r)) : std::string(); }

std::string RowMapper::name_of(const CsvRecord& r) const { return name_ ? name_->expand(r) : std::string(); }

bool RowMapper::set_table_field(const Binding& b, const std::string& text, const Location& where, Answers& answers,
                                std::vector<std::string>& tables_set, Diagnostics& cell) const {
  Answers field_answer;
  if (!set_answer_from_text(field_answer, *b.scratch, b.key, text, where, cell)) return false;
  Value& table = answers.values[b.table->full_key];
  if (std::find(tables_set.begin(), tables_set.end(), b.table->full_key) == tables_set.end()) {
    tables_set.push_back(b.table->full_key);
    table = Value();
    table.type = QuestionType::records;
    table.rows.resize(1);
    table.where = where;
  }
  table.rows[0].emplace_back(b.key.substr(b.key.rfind('.') + 1), std::move(field_answer.values[b.key]));
  return true;
}

bool RowMapper::apply(const CsvRecord& r, Answers& answers, Diagnostics& diag) const {
  bool ok = true;
  std::vector<std::string> tables_set;
  for (const auto& b : bindings_) {
    const std::string text = b.value.expand(r);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) continue;  // keep the base value
    Diagnostics cell;
    const Location where{csv_file_, r.line, b.value.first_column() + 1};
    if (b.table ? set_table_field(b, text, where, answers, tables_set, cell)
                : set_answer_from_text(answers, *template_, b.key, text, where, cell))
      continue;
    ok = false;
    for (auto d : cell.items()) {
      d.message = b.value.describe(header_) + ": " + d.message;
      diag.add(std::move(d));
    }
  }
  // A row's cells together may break a rule that the base file alone keeps.
  return check_answer_rules(answers, diag) && ok;
}

}  // namespace kovgen
