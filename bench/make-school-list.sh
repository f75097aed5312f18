#!/usr/bin/env bash
# Writes a synthetic school list of N rows in the format of the NRW school list
# (schuldaten.csv of the Ministerium für Schule und Bildung): a "sep=;" line, the
# MSB header ending with ";", every field quoted, CRLF. Mostly Grundschulen (02)
# spread over 40 fictional municipalities, with the columns a coordinator appends
# (Schulleitung, Plätze, Gruppen, Räume), so most agreements come out complete.
# Usage: bench/make-school-list.sh N > schulen.csv
set -euo pipefail
n="${1:-3000}"
awk -v n="$n" 'BEGIN {
  ORS = "\r\n"
  print "sep=;"
  print "Schulnummer;Schulform;Schulbezeichnung_1;Schulbezeichnung_2;Schulbezeichnung_3;Kurzbezeichnung;PLZ;Ort;Strasse;Telefonvorwahl;Telefon;Faxvorwahl;Fax;E-Mail;Homepage;Rechtsform;Traegernummer;Gemeindeschluessel;Schulbetriebsschluessel;Schulbetriebsdatum;EPSG;UTMRechtswert;UTMHochwert;vertragspartner.schulen.schulleitung;vertragspartner.schulen.funktion;gegenstand.standorte.plaetze;gegenstand.standorte.gruppen;raeume_ausstattung.raeume.standort;raeume_ausstattung.raeume.raum;raeume_ausstattung.raeume.nutzung"
  split("Lindenschule|Am Bach|St. Martin|Regenbogenschule|Sonnenschule|Am Park|Waldschule|Brüder-Grimm-Schule|Astrid-Lindgren-Schule|Kleine Strolche", names, "|")
  split("Gemeinschaftsgrundschule|Katholische Grundschule|Evangelische Grundschule", kinds, "|")
  split("GGS|KGS|EGS", shorts, "|")
  for (i = 1; i <= n; i++) {
    nr = 100000 + i
    form = (i % 10 == 0) ? "04" : "02"
    town = "Musterstadt " (i % 40 + 1)
    key = sprintf("05999%03d", i % 40 + 1)
    name = names[i % 10 + 1]
    k = i % 3 + 1
    short = shorts[k] " " name
    plaetze = 50 + (i * 37) % 200
    gruppen = int(plaetze / 25) + 1
    leitung = (i % 25 == 0) ? "" : "Schulleitung " i   # every 25th school lacks a Schulleitung
    printf "\"%d\";\"%s\";\"Städt. %s\";\"%s\";\"\";\"%s\";\"%05d\";\"%s\";\"Schulstraße %d\";\"02161\";\"%d\";\"\";\"\";\"%d@schule.nrw.de\";\"\";\"1\";\"%d\";\"%s\";\"%d\";\"01.08.1970\";\"25832\";\"%d\";\"%d\";\"%s\";\"Schulleiterin\";\"%d\";\"%d\";\"%s\";\"OGS-Gruppenräume\";\"ausschließlich OGS\"\r\n", nr, form, kinds[k], name, short, 41000 + i % 900, town, i % 90 + 1, 100000 + i, nr, 5999000 + i % 40, key, nr, 330000 + i, 5670000 + i, leitung, plaetze, gruppen, short
  }
}'
