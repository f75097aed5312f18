#pragma once
// School names as the NRW school list (MSB, schuldaten.csv) spells them, turned
// into the German a contract title needs. The list splits a name over
// Schulbezeichnung_1 to _3 and decorates some with the school stage
// ("Städt. Gemeinschaftsgrundschule Am Friedenspark - Primarstufe -"); its
// Kurzbezeichnung ("Leverkusen, GG Am Friedenspark") is an index entry, not a name.
// Mapping patterns reach these through functions: "{Schulbezeichnung_1 +
// Schulbezeichnung_2 + Schulbezeichnung_3 | schulname_mit_an}" (batch_pattern.h).
#include <string>
#include <string_view>

namespace kovgen {

// The parts joined with single spaces (empty parts dropped), without a
// decoration set off by dashes ("- Primarstufe -", "– Sekundarstufe I –"),
// without blanks at the ends. Abbreviations ("Städt.", "Kath.") stay as they are:
// expanding them would need knowledge the list does not give.
std::string school_name(std::string_view joined);

// "an" with the name in the dative, as a title says where the OGS is: "an der
// Städt. Katholischen Grundschule St. Martin", "am Städtischen Gymnasium An der
// Linde". The article follows the noun the name is built on (…schule: der;
// …gymnasium, …kolleg, …zentrum: dem, contracted to "am") and adjectives before it
// take the dative ending. A name built on no noun it knows, or with words before
// the noun it cannot decline, is quoted instead: "an der Schule „Kinderinsel“".
// Empty for an empty name.
std::string school_name_with_an(std::string_view name);

}  // namespace kovgen
