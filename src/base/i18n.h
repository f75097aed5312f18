#pragma once
// Every text a person reads passes through tr(). The source says it in English
// (the gettext msgid); po/de/*.po says it in German, and German is what kovgen
// speaks unless the command line asks for English (src/cli/process_environment.h
// chooses the language, once, before any command runs). Without a chosen
// catalog, as in the unit tests, tr() returns the English text unchanged.
//
// A message keeps its whole sentence in one string, with {} for the values
// (fill), so that a translation can put the words in German order.
#include <initializer_list>
#include <string>
#include <string_view>

namespace kovgen {

// The translation of an English message (xgettext keyword "tr").
const char* tr(const char* english);

// The translation for count n (keyword "tr_n:1,2"): singular and plural in English.
const char* tr_n(const char* singular, const char* plural, unsigned long n);

// pattern with each "{}" replaced by the next value, in order. Values beyond the
// placeholders are ignored and missing values leave "{}", so that a wrong
// translation shows up in the text instead of crashing.
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> values);

}  // namespace kovgen

// Marks a string literal for the catalog where it is translated later, when
// shown (tables of static texts): keyword "N_".
#define N_(english) english
