#!/usr/bin/env bash
# Makes the specimen documents the reading tests use (domain/tests/specimens): a passport page,
# an identity card and a visa sticker with ICAO Doc 9303's specimen data, the zone set in the
# OCR-B font, and a RIB; then "photographed" copies (turned, blurred, noisy, JPEG). Needs
# ImageMagick 6 and Debian's fonts-ocr-b. The files are committed: run this only to change them.
set -euo pipefail
cd "$(dirname "$0")/../domain/tests/specimens"
OCRB=/usr/share/fonts/opentype/ocr-b/OCRB.otf
SANS=DejaVu-Sans
IM=/usr/bin/convert

# A TD3 passport data page (ICAO Doc 9303 part 4's specimen, Utopia).
$IM -size 1300x820 xc:'#f3eee2' -fill '#c9c2b0' -draw 'rectangle 50,70 330,430' \
  -font $SANS -fill '#1f2433' -pointsize 30 -annotate +380+95 'PASSPORT / PASSEPORT    UTOPIA' \
  -pointsize 20 -annotate +380+150 'Surname / Nom' -pointsize 30 -annotate +380+185 'ERIKSSON' \
  -pointsize 20 -annotate +380+235 'Given names / Prénoms' -pointsize 30 -annotate +380+270 'ANNA MARIA' \
  -pointsize 20 -annotate +380+320 'Date of birth / Date de naissance' -pointsize 30 -annotate +380+355 '12 AUG 1974' \
  -pointsize 20 -annotate +380+405 'Date of expiry / Date d'"'"'expiration' -pointsize 30 -annotate +380+440 '15 APR 2012' \
  -font $OCRB -fill black -pointsize 36 \
  -annotate +50+680 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<' \
  -annotate +50+745 'L898902C36UTO7408122F1204159ZE184226B<<<<<10' \
  -depth 8 passport.png

# The same page photographed: turned 3°, a little blurred and noisy, smaller, JPEG quality 60.
$IM passport.png -background '#777' -rotate 3 -resize 1100x -blur 0x0.8 -attenuate 0.4 +noise Gaussian \
  -quality 60 -sampling-factor 2x2 passport-photo.jpg

# Turned the other way, further, and in low light: 12° and a dim, low-contrast JPEG at 45.
$IM passport.png -background '#555' -rotate -12 -resize 1000x -blur 0x0.6 -quality 70 passport-turned.jpg
$IM passport.png -resize 1000x -level 0%,100%,0.7 +level 25%,70% -attenuate 0.6 +noise Gaussian \
  -quality 45 passport-dim.jpg

# Photographed upside down, and with the phone held sideways (the page's top on the left).
$IM passport-photo.jpg -rotate 180 -quality 80 passport-upside-down.jpg
$IM passport-photo.jpg -rotate -90 -quality 80 passport-sideways.jpg

# A TD1 identity card (part 5's specimen).
$IM -size 1000x640 xc:'#e4ecf3' -font $SANS -fill '#1f2433' -pointsize 26 -annotate +40+70 'IDENTITY CARD  UTOPIA' \
  -font $OCRB -fill black -pointsize 40 \
  -annotate +40+470 'I<UTOD231458907<<<<<<<<<<<<<<<' \
  -annotate +40+535 '7408122F1204159UTO<<<<<<<<<<<6' \
  -annotate +40+600 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<' \
  -depth 8 id-card.png

# An MRV-A visa sticker (part 7's specimen).
$IM -size 1300x700 xc:'#eef0e6' -font $SANS -fill '#1f2433' -pointsize 28 -annotate +50+80 'VISA   UTOPIA' \
  -pointsize 22 -annotate +50+140 'Type: D   Remarks: ETUDIANT' \
  -font $OCRB -fill black -pointsize 36 \
  -annotate +50+580 'V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<' \
  -annotate +50+645 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<' \
  -depth 8 visa.png

# A RIB, photographed flat (the IBAN of shared/DOMAIN.md's example).
$IM -size 1200x560 xc:white -font $SANS -fill black -pointsize 30 -annotate +50+70 'RELEVÉ D'"'"'IDENTITÉ BANCAIRE' \
  -pointsize 26 -annotate +50+150 'Titulaire : Mme AWA N'"'"'DIAYE' \
  -annotate +50+230 'IBAN : FR14 2004 1010 0505 0001 3M02 606' \
  -annotate +50+300 'BIC : PSSTFRPPPAR' \
  -annotate +50+380 'Domiciliation : La Banque Postale' \
  -resize 1000x -quality 75 rib.jpg
