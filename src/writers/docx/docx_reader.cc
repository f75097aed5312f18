#include "docx_reader.h"

#include <memory>

#include <pugixml.hpp>

#include "i18n.h"
#include "zip_library.h"

namespace kovgen {

namespace {

struct ZipDiscarder {
  const ZipLibrary* lz;
  void operator()(zip_t* z) const { lz->discard(z); }
};

std::string megabytes(uint64_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20); }

// Checks the sizes the zip declares, before anything is unpacked.
bool within_limits(const zip_stat_t& st, uint64_t& total, const std::string& name, const DocxLimits& limits,
                   Diagnostics& diag) {
  if (st.size > limits.part_bytes) {
    diag.error({name}, fill(tr("the part {} unpacks to {} MB, more than the {} MB kovgen reads per part; "
                               "the file is refused as it may be a zip bomb"),
                            {st.name, megabytes(st.size), megabytes(limits.part_bytes)}));
    return false;
  }
  total += st.size;
  if (total > limits.total_bytes) {
    diag.error({name}, fill(tr("the parts unpack to more than the {} MB kovgen reads from one document; "
                               "the file is refused as it may be a zip bomb"),
                            {megabytes(limits.total_bytes)}));
    return false;
  }
  if (st.size > limits.ratio_from && st.size / (st.comp_size ? st.comp_size : 1) > limits.ratio) {
    diag.error({name}, fill(tr("the part {} is packed {}-fold, more than the {}-fold of ordinary documents; "
                               "the file is refused as it may be a zip bomb"),
                            {st.name, std::to_string(st.size / (st.comp_size ? st.comp_size : 1)),
                             std::to_string(limits.ratio)}));
    return false;
  }
  return true;
}

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

}  // namespace

std::optional<std::map<std::string, std::string>> read_zip(std::string_view bytes, const std::string& name,
                                                           Diagnostics& diag, const DocxLimits& limits) {
  if (bytes.size() > limits.file_bytes) {
    diag.error({name}, fill(tr("the file has {} MB, more than the {} MB kovgen reads as a Word document"),
                            {megabytes(bytes.size()), megabytes(limits.file_bytes)}));
    return std::nullopt;
  }
  std::string load_error;
  const ZipLibrary* lz = zip_library(load_error);
  if (!lz) {
    diag.error({name}, load_error);
    return std::nullopt;
  }
  zip_error_t error;
  lz->error_init(&error);
  zip_source_t* src = lz->source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = src ? lz->open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  if (!archive) {
    // libzip speaks English; the case a user meets, a file that is no zip at all, is said here.
    if (error.zip_err == ZIP_ER_NOZIP)
      diag.error({name}, tr("not a Word document: a .docx file is a zip archive, and this file is none"));
    else
      diag.error({name}, fill(tr("not a Word document (cannot open as zip: {})"), {lz->error_strerror(&error)}));
    lz->error_fini(&error);
    if (src) lz->source_free(src);
    return std::nullopt;
  }
  std::unique_ptr<zip_t, ZipDiscarder> guard(archive, ZipDiscarder{lz});
  const zip_int64_t count = lz->get_num_entries(archive, 0);
  if (count < 0 || static_cast<uint64_t>(count) > limits.parts) {
    diag.error({name}, fill(tr("the document has {} parts, more than the {} kovgen reads"),
                            {std::to_string(count), std::to_string(limits.parts)}));
    return std::nullopt;
  }
  // All declared sizes first, so that a bomb in the last entry costs nothing.
  std::vector<zip_stat_t> stats;
  uint64_t total = 0;
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    if (lz->stat_index(archive, i, 0, &st) != 0) continue;
    if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE) || !(st.valid & ZIP_STAT_NAME)) {
      diag.error({name}, tr("not a Word document: the zip does not say how large its parts are"));
      return std::nullopt;
    }
    if (!within_limits(st, total, name, limits, diag)) return std::nullopt;
    stats.push_back(st);
  }
  std::map<std::string, std::string> entries;
  for (const zip_stat_t& st : stats) {
    zip_file_t* f = lz->fopen_index(archive, st.index, 0);
    if (!f) {
      diag.error({name}, fill(tr("cannot read {}: {}"), {st.name, lz->strerror(archive)}));
      return std::nullopt;
    }
    // The declared size bounds what is read: libzip stops there and checks the CRC.
    std::string data(st.size, '\0');
    zip_int64_t n = lz->fread(f, data.data(), st.size);
    lz->fclose(f);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
      diag.error({name}, fill(tr("cannot read {}"), {st.name}));
      return std::nullopt;
    }
    entries[st.name] = std::move(data);
  }
  return entries;
}

bool check_no_external_relationships(const std::map<std::string, std::string>& entries, const std::string& name,
                                     Diagnostics& diag) {
  bool ok = true;
  for (const auto& [part, bytes] : entries) {
    if (!ends_with(part, ".rels")) continue;
    pugi::xml_document rels;
    if (!rels.load_buffer(bytes.data(), bytes.size())) continue;  // the part's reader reports broken XML
    for (pugi::xml_node r : rels.child("Relationships").children("Relationship")) {
      if (std::string_view(r.attribute("TargetMode").value()) != "External") continue;
      if (ends_with(r.attribute("Type").value(), "/hyperlink")) continue;
      diag.error({name}, fill(tr("the document fetches {} from outside when it is opened ({}); kovgen does not "
                                 "read documents with such external links"),
                              {quoted_value(r.attribute("Target").value()), part}));
      ok = false;
    }
  }
  return ok;
}

}  // namespace kovgen
