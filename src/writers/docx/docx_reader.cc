#include "docx_reader.h"

#include <algorithm>
#include <memory>
#include <vector>

#include <pugixml.hpp>

#include "i18n.h"
#include "zip_library.h"

namespace kovgen {

namespace {

struct ZipCloser {
  const ZipLibrary* mz;
  void operator()(void* archive) const { mz->unzClose(archive); }
};

// What the zip's central directory says of one entry.
struct ZipEntry {
  std::string name;
  uint64_t size = 0;         // unpacked
  uint64_t packed_size = 0;
};

std::string megabytes(uint64_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20); }

// Checks the sizes the zip declares, before anything is unpacked.
bool within_limits(const ZipEntry& entry, uint64_t& total, const std::string& name, const DocxLimits& limits,
                   Diagnostics& diag) {
  if (entry.size > limits.part_bytes) {
    diag.error({name}, fill(tr("the part {} unpacks to {} MB, more than the {} MB kovgen reads per part; "
                               "the file is refused as it may be a zip bomb"),
                            {entry.name, megabytes(entry.size), megabytes(limits.part_bytes)}));
    return false;
  }
  total += entry.size;
  if (total > limits.total_bytes) {
    diag.error({name}, fill(tr("the parts unpack to more than the {} MB kovgen reads from one document; "
                               "the file is refused as it may be a zip bomb"),
                            {megabytes(limits.total_bytes)}));
    return false;
  }
  if (entry.size > limits.ratio_from && entry.size / (entry.packed_size ? entry.packed_size : 1) > limits.ratio) {
    diag.error({name}, fill(tr("the part {} is packed {}-fold, more than the {}-fold of ordinary documents; "
                               "the file is refused as it may be a zip bomb"),
                            {entry.name, std::to_string(entry.size / (entry.packed_size ? entry.packed_size : 1)),
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
  const ZipLibrary* mz = zip_library(load_error);
  if (!mz) {
    diag.error({name}, load_error);
    return std::nullopt;
  }
  ZipMemory memory;
  memory.readable = bytes;
  zlib_filefunc_def functions = zip_memory_functions(memory);
  std::unique_ptr<void, ZipCloser> archive(mz->unzOpen2("", &functions), ZipCloser{mz});
  if (!archive) {
    diag.error({name}, tr("not a Word document: a .docx file is a zip archive, and this file is none"));
    return std::nullopt;
  }
  const auto damaged = [&] {
    diag.error({name}, tr("not a Word document: its zip archive is damaged"));
    return std::nullopt;
  };
  unz_global_info global;
  if (mz->unzGetGlobalInfo(archive.get(), &global) != UNZ_OK) return damaged();
  if (global.number_entry > limits.parts) {
    diag.error({name}, fill(tr("the document has {} parts, more than the {} kovgen reads"),
                            {std::to_string(global.number_entry), std::to_string(limits.parts)}));
    return std::nullopt;
  }
  // All declared sizes first, so that a bomb in the last entry costs nothing.
  std::vector<ZipEntry> declared;
  uint64_t total = 0;
  for (int at = mz->unzGoToFirstFile(archive.get()); at != UNZ_END_OF_LIST_OF_FILE;
       at = mz->unzGoToNextFile(archive.get())) {
    if (at != UNZ_OK) return damaged();
    unz_file_info info;
    if (mz->unzGetCurrentFileInfo(archive.get(), &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
      return damaged();
    ZipEntry entry;
    entry.name.resize(info.size_filename);
    if (mz->unzGetCurrentFileInfo(archive.get(), &info, entry.name.data(), entry.name.size(), nullptr, 0, nullptr,
                                  0) != UNZ_OK)
      return damaged();
    entry.size = info.uncompressed_size;
    entry.packed_size = info.compressed_size;
    if (!within_limits(entry, total, name, limits, diag)) return std::nullopt;
    declared.push_back(std::move(entry));
  }
  std::map<std::string, std::string> entries;
  int at = mz->unzGoToFirstFile(archive.get());
  for (const ZipEntry& entry : declared) {
    if (at != UNZ_OK || mz->unzOpenCurrentFile(archive.get()) != UNZ_OK) {
      diag.error({name}, fill(tr("cannot read {}"), {entry.name}));
      return std::nullopt;
    }
    // The declared size bounds what is read: minizip stops there, and closing the
    // entry checks the CRC of what was read.
    std::string data(entry.size, '\0');
    uint64_t read = 0;
    while (read < entry.size) {
      const unsigned chunk = static_cast<unsigned>(std::min<uint64_t>(entry.size - read, 1u << 30));
      const int n = mz->unzReadCurrentFile(archive.get(), data.data() + read, chunk);
      if (n <= 0) break;
      read += static_cast<uint64_t>(n);
    }
    const bool intact = mz->unzCloseCurrentFile(archive.get()) == UNZ_OK;
    if (read != entry.size || !intact) {
      diag.error({name}, fill(tr("cannot read {}"), {entry.name}));
      return std::nullopt;
    }
    entries[entry.name] = std::move(data);
    at = mz->unzGoToNextFile(archive.get());
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
