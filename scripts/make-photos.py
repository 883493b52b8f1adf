#!/usr/bin/env python3
"""Makes the photographed specimens the reading tests measure (domain/tests/specimens/photos/)
and their manifest, photos.tsv: which zone each photo holds, character for character.

Ten documents carry a machine-readable zone, in every layout of ICAO Doc 9303 (TD3 passports,
TD1 and TD2 cards, MRV-A and MRV-B visas): ICAO's own specimens (Utopia) and others of our own
whose check digits this script computes, with names the zone cuts or transliterates, a number
shorter than its field, and printed text in another script around the zone. Each page is set
with its zone in OCR-B, laid on a desk and photographed three ways out of a dozen: with
perspective, turned up to 15°, blurred, noisy, in low light, as JPEG from quality 35 to 90, at
phone resolutions up to 12 MP, upside down and sideways.

Then the text documents (a certificate of studies, last year's, an admission letter, a RIB,
birth certificates in Chinese, Arabic and Russian) photographed the same way; photos.tsv gives
what each must say. And a provisional certificate of entitlement, photographed, which
`precheck attestation` reads (domain/tests/after.rs).

Needs ImageMagick 6 and Debian's fonts-ocr-b and fonts-wqy-microhei. The files are committed:
run this (`make specimens`) only to change them. The noise is seeded, so a run makes the same
pixels again, but the JPEG bytes may differ with ImageMagick's version.
"""

import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'domain', 'tests', 'specimens', 'photos')
IM = '/usr/bin/convert'
OCRB = '/usr/share/fonts/opentype/ocr-b/OCRB.otf'
SANS = 'DejaVu-Sans'
SERIF = 'DejaVu-Serif'
CJK = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'


def check(data):
    """ICAO's check digit: the weighted sum (7, 3, 1) modulo 10; A–Z are 10–35, < is 0."""
    def value(c):
        if c.isdigit():
            return int(c)
        if c == '<':
            return 0
        return ord(c) - ord('A') + 10
    return str(sum(value(c) * (7, 3, 1)[i % 3] for i, c in enumerate(data)) % 10)


def field(text, n):
    assert len(text) <= n, text
    return text + '<' * (n - len(text))


def names(surname, given, n):
    """The name field: the primary identifier, <<, the secondary; cut at the zone's length."""
    text = surname.replace(' ', '<').replace('-', '<') + '<<' + given.replace(' ', '<')
    return field(text[:n], n)


def td3(code, issuer, surname, given, number, nationality, birth, sex, expiry, optional=''):
    number, optional = field(number, 9), field(optional, 14)
    line2 = (number + check(number) + nationality + birth + check(birth) + sex + expiry
             + check(expiry) + optional + check(optional))
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    return [field(code, 2) + issuer + names(surname, given, 39), line2 + check(composite)]


def mrv(code, issuer, surname, given, number, nationality, birth, sex, expiry, length):
    number = field(number, 9)
    line2 = number + check(number) + nationality + birth + check(birth) + sex + expiry + check(expiry)
    return [field(code, 2) + issuer + names(surname, given, length - 5), field(line2, length)]


def td2(code, issuer, surname, given, number, nationality, birth, sex, expiry, optional=''):
    number = field(number, 9)
    line2 = (number + check(number) + nationality + birth + check(birth) + sex + expiry
             + check(expiry) + field(optional, 7))
    composite = line2[0:10] + line2[13:20] + line2[21:35]
    return [field(code, 2) + issuer + names(surname, given, 31), line2 + check(composite)]


def td1(code, issuer, surname, given, number, nationality, birth, sex, expiry):
    number = field(number, 9)
    line1 = field(code, 2) + issuer + number + check(number) + '<' * 15
    line2 = birth + check(birth) + sex + expiry + check(expiry) + nationality + '<' * 11
    composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
    return [line1, line2 + check(composite), names(surname, given, 30)]


# The documents with a zone: (name, doc id for precheck, layout, zone, printed lines above it).
UTOPIA = ('P', 'UTO', 'ERIKSSON', 'ANNA MARIA', 'L898902C3', 'UTO', '740812', 'F', '120415')
ZONED = [
    ('utopia-passport', 'identity', 'TD3', [
        'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
        'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
     ['PASSPORT / PASSEPORT    UTOPIA', 'Surname / Nom: ERIKSSON', 'Given names / Prénoms: ANNA MARIA']),
    ('morocco-passport', 'identity', 'TD3',
     td3('P', 'MAR', 'BENALI', 'YOUSSEF', 'UZ4821937', 'MAR', '040315', 'M', '310630'),
     ['ROYAUME DU MAROC  PASSEPORT', 'Nom: BENALI', 'Prénoms: YOUSSEF', 'Né le 15.03.2004']),
    ('china-passport', 'identity', 'TD3',
     td3('PE', 'CHN', 'ZHANG', 'WEI', 'EK0385126', 'CHN', '031102', 'F', '330119'),
     ['中华人民共和国  PEOPLE\'S REPUBLIC OF CHINA', '护照 PASSPORT', '姓名 ZHANG WEI', '出生日期 02 NOV 2003']),
    ('brazil-passport', 'identity', 'TD3',
     td3('P', 'BRA', 'DOS SANTOS', 'MARIA EDUARDA', 'FX8207715', 'BRA', '050722', 'F', '290411'),
     ['REPÚBLICA FEDERATIVA DO BRASIL', 'PASSAPORTE / PASSPORT', 'Sobrenome: DOS SANTOS', 'Nome: MARIA EDUARDA']),
    ('colombia-passport', 'identity', 'TD3',
     td3('P', 'COL', 'GARCIA MARQUEZ', 'GABRIEL JOSE DE LA CONCORDIA', 'AZ5510386', 'COL', '010306', 'M', '320905'),
     ['REPÚBLICA DE COLOMBIA  PASAPORTE', 'Apellidos: GARCÍA MÁRQUEZ', 'Nombres: GABRIEL JOSÉ DE LA CONCORDIA']),
    ('india-passport', 'identity', 'TD3',
     td3('P', 'IND', 'KUMAR', 'RAHUL', 'V2468013', 'IND', '020930', 'M', '341201'),
     ['REPUBLIC OF INDIA  PASSPORT', 'Surname: KUMAR', 'Given Name(s): RAHUL']),
    ('france-permit', 'residence_permit', 'TD1',
     td1('IR', 'FRA', 'BENALI', 'YOUSSEF', 'B7QX2M91K', 'MAR', '040315', 'M', '301014'),
     ['RÉPUBLIQUE FRANÇAISE  TITRE DE SÉJOUR', 'Nom: BENALI   Prénoms: YOUSSEF', 'ÉTUDIANT']),
    ('utopia-td2', 'identity', 'TD2', [
        'I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<',
        'D231458907UTO7408122F1204159<<<<<<<6'],
     ['IDENTITY CARD  UTOPIA', 'ERIKSSON, ANNA MARIA']),
    ('france-visa', 'visa', 'MRV-A',
     mrv('VD', 'FRA', 'ZHANG', 'WEI', 'FR0475219', 'CHN', '031102', 'F', '270915', 44),
     ['VISA  FRA', 'Type: D   Nombre d\'entrées: MULT', 'Remarques: VLS-TS ÉTUDIANT']),
    ('utopia-mrvb', 'visa', 'MRV-B', [
        'V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<',
        'L8988901C4XXX4009078F9612109<<<<<<<<'],
     ['VISA  UTOPIA', 'Type: C']),
]

# The ways a phone photographs a page: each a few ImageMagick options after the page is laid
# on a desk. `size` is the photo's width; the last ones are the hard cases.
WAYS = {
    'flat':        dict(size=1400, quality=85),
    'perspective': dict(size=1600, quality=80, perspective=0.07),
    'tilted':      dict(size=1500, quality=75, perspective=0.04, rotate=8),
    'skewed-15':   dict(size=1500, quality=80, rotate=-15),
    'blurred':     dict(size=1300, quality=70, blur=1.3),
    'jpeg-35':     dict(size=1400, quality=35, rotate=3),
    'low-light':   dict(size=1400, quality=70, dim=True, noise=0.6),
    'noisy':       dict(size=1400, quality=60, noise=1.0, rotate=-4),
    'phone-12mp':  dict(size=4000, height=3000, quality=55, perspective=0.05, rotate=2, blur=1.0),
    'phone-8mp':   dict(size=3264, height=2448, quality=60, rotate=-6, blur=0.8),
    'upside-down': dict(size=1400, quality=80, rotate=183),
    'sideways':    dict(size=1400, quality=80, rotate=-92, perspective=0.03),
}

# Which three ways each document is photographed (every way used at least twice).
PLAN = {
    'utopia-passport':   ['perspective', 'phone-12mp', 'jpeg-35'],
    'morocco-passport':  ['flat', 'tilted', 'low-light'],
    'china-passport':    ['perspective', 'skewed-15', 'upside-down'],
    'brazil-passport':   ['blurred', 'phone-8mp', 'sideways'],
    'colombia-passport': ['noisy', 'perspective', 'skewed-15'],
    'india-passport':    ['tilted', 'jpeg-35', 'upside-down'],
    'france-permit':     ['flat', 'phone-12mp', 'low-light'],
    'utopia-td2':        ['blurred', 'noisy', 'tilted'],
    'france-visa':       ['perspective', 'phone-8mp', 'sideways'],
    'utopia-mrvb':       ['flat', 'blurred', 'skewed-15'],
}

# The text documents: (name, doc id, printed lines, what it must say) and their ways.
TEXTS = [
    ('certificate', 'certificate_of_studies', [
        'UNIVERSITÉ DE LYON', 'CERTIFICAT DE SCOLARITÉ', 'Année universitaire 2026-2027', '',
        'Le Président certifie que Mme ZHANG Wei,', 'née le 02/11/2003 à Shanghai (Chine),',
        'est régulièrement inscrite en Master 1 Économie', 'pour l\'année universitaire 2026-2027.',
        '', 'Fait à Lyon, le 4 septembre 2026'], 'academic_year=2026-2027',
     ['perspective', 'phone-12mp']),
    ('certificate-last-year', 'certificate_of_studies', [
        'UNIVERSITÉ DE LYON', 'CERTIFICAT DE SCOLARITÉ', 'Année universitaire 2025-2026', '',
        'Le Président certifie que Mme ZHANG Wei', 'est régulièrement inscrite en Licence 3',
        'pour l\'année universitaire 2025-2026.', '', 'Fait à Lyon, le 8 septembre 2025'],
     'academic_year=2025-2026', ['tilted']),
    ('admission', 'certificate_of_studies', [
        'UNIVERSITÉ PARIS CITÉ', 'ATTESTATION D\'ADMISSION', '',
        'M. Youssef BENALI, né le 15/03/2004,', 'est admis en première année de Master Informatique',
        'au titre de l\'année universitaire 2026-2027.', '',
        'Cette attestation ne vaut pas certificat de scolarité.'], 'academic_year=2026-2027',
     ['flat']),
    ('rib', 'rib', [
        'RELEVÉ D\'IDENTITÉ BANCAIRE', '', 'Titulaire du compte : M. YOUSSEF BENALI',
        '12 RUE DES ÉCOLES 69007 LYON', '',
        'IBAN : FR76 3000 6000 0112 3456 7890 189', 'BIC : AGRIFRPP882', '',
        'Domiciliation : CRCA LYON UNIVERSITE'], 'iban=FR7630006000011234567890189;bic=AGRIFRPP882',
     ['perspective', 'low-light']),
    ('birth-certificate-zh', 'birth_certificate', [
        '出生医学证明', '', '新生儿姓名 张伟   性别 女', '出生时间 2003年11月02日',
        '出生地点 上海市', '母亲姓名 李娜', '父亲姓名 张强', '', '签发日期 2003年11月20日'],
     'script=other', ['flat']),
    # In scripts the reader does not know: it reads them as Latin letters in no language's
    # order, which says the same (a translation is needed) without claiming which script.
    ('birth-certificate-ar', 'birth_certificate', [
        'المملكة المغربية', 'نسخة موجزة من رسم الولادة', '', 'الاسم الشخصي: يوسف',
        'الاسم العائلي: بنعلي', 'تاريخ الازدياد: 15 مارس 2004', 'مكان الازدياد: الدار البيضاء',
        'اسم الأب: محمد بنعلي', 'اسم الأم: فاطمة الزهراء'], 'script=unrecognised', ['perspective']),
    ('birth-certificate-ru', 'birth_certificate', [
        'СВИДЕТЕЛЬСТВО О РОЖДЕНИИ', '', 'Гражданин: Иванов Дмитрий Сергеевич',
        'родился 14 мая 2003 года', 'место рождения: город Новосибирск', 'Отец: Иванов Сергей Петрович',
        'Мать: Иванова Елена Викторовна', 'Место государственной регистрации: отдел ЗАГС'],
     'script=unrecognised', ['tilted']),
]


# A provisional certificate of entitlement in the layout the university guide shows, with a
# provisional number (its key computed) and ZHANG WEI's dates: `precheck attestation` reads
# its photo (domain/tests/after.rs).
def nir_key(body):
    value = int(body.replace('2A', '19').replace('2B', '18'))
    return 97 - value % 97


ATTESTATION_NUMBER = '8031199352012'
ATTESTATION = [
    f"Numéro de l'assuré : 8 03 11 99 352 012 {nir_key(ATTESTATION_NUMBER):02}",
    "Nom de l'assuré : ZHANG WEI",
    'Pour tout contact : 3646',
    '(service gratuit + prix appel)',
    "MON ATTESTATION DE DROITS PROVISOIRE À L'ASSURANCE MALADIE",
    'Valable pour la période du 01/09/2026 au 31/08/2027',
    "sous réserve de changement de situation de l'assuré.",
    'Bénéficiaire(s) nom de famille   né(e) le/rang',
    'ZHANG WEI   02/11/2003 1',
]


def run(*args):
    subprocess.run([IM, *map(str, args)], check=True)


def page(name, layout, zone, printed, path):
    """A document's page: printed text above, the zone in OCR-B at the bottom."""
    width = {'TD1': 1000, 'TD2': 1100}.get(layout, 1300)
    chars = len(zone[0])
    point = int(width * 0.9 / chars / 0.72)  # OCR-B's advance is 0.72 em
    height = 80 + 52 * len(printed) + 120 + (point + 26) * len(zone)
    args = ['-size', f'{width}x{height}', 'xc:#f1ede2', '-fill', '#cdc6b3',
            '-draw', f'rectangle 40,{height - 40 - (point + 26) * len(zone) - 200} 250,{height - 60 - (point + 26) * len(zone)}']
    y = 70
    for line in printed:
        font = CJK if any(ord(c) > 0x2E80 for c in line) else SANS
        args += ['-font', font, '-fill', '#1f2433', '-pointsize', '26', '-annotate', f'+{290 if y > 100 else 40}+{y}', line]
        y += 52
    y = height - 30 - (point + 26) * (len(zone) - 1)
    args += ['-font', OCRB, '-fill', 'black', '-pointsize', str(point)]
    for i, line in enumerate(zone):
        args += ['-annotate', f'+40+{y + i * (point + 26)}', line]
    run(*args, '-depth', '8', path)


def text_page(lines, path):
    width, height = 1240, 180 + 56 * len(lines)
    args = ['-size', f'{width}x{height}', 'xc:white', '-fill', 'black']
    y = 90
    for i, line in enumerate(lines):
        font = CJK if any(ord(c) > 0x2E80 for c in line) else (SERIF if i > 2 else SANS)
        args += ['-font', font, '-pointsize', '30' if i < 2 else '26', '-annotate', f'+90+{y}', line]
        y += 56
    run(*args, '-depth', '8', path)


def photograph(src, way, out, rng):
    """`src` laid on a desk and photographed the `way` says."""
    w = WAYS[way]
    desk = rng.choice(['#6b5b4b', '#8a7f72', '#3f4a52', '#a39a8c'])
    args = [src, '-bordercolor', desk, '-border', '14%x18%', '-virtual-pixel', 'background',
            '-background', desk]
    p = w.get('perspective')
    if p:
        # The top corners pulled in, as a phone held above the page's bottom edge sees them.
        size = subprocess.run(['identify', '-format', '%w %h', src], check=True,
                              capture_output=True, text=True).stdout.split()
        W, H = int(int(size[0]) * 1.28), int(int(size[1]) * 1.36)
        args += ['-distort', 'Perspective',
                 f'0,0 {W * p:.0f},{H * p / 2:.0f}  {W},0 {W * (1 - p):.0f},{H * p / 3:.0f}  '
                 f'{W},{H} {W},{H}  0,{H} 0,{H}']
    if w.get('rotate'):
        args += ['-rotate', str(w['rotate'])]
    if 'height' in w:
        # A phone's frame: the page fills about two thirds of it.
        args += ['-resize', f'{int(w["size"] * 0.72)}x{int(w["height"] * 0.72)}', '-gravity', 'center',
                 '-extent', f'{w["size"]}x{w["height"]}']
    else:
        args += ['-resize', f'{w["size"]}x']
    if w.get('blur'):
        args += ['-blur', f'0x{w["blur"]}']
    if w.get('dim'):
        args += ['-level', '0%,100%,0.7', '+level', '22%,68%']
    if w.get('noise'):
        args += ['-seed', str(rng.randrange(1 << 30)), '-attenuate', str(w['noise']), '+noise', 'Gaussian']
    run(*args, '-sampling-factor', '2x2', '-quality', w['quality'], out)


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = random.Random(9303)
    rows = ['# file\tdoc\twhat it holds\thow it was photographed']
    with tempfile.TemporaryDirectory() as tmp:
        for name, doc, layout, zone, printed in ZONED:
            for line in zone:
                assert len(line) == {'TD1': 30, 'TD2': 36, 'MRV-B': 36}.get(layout, 44), (name, line)
            master = os.path.join(tmp, name + '.png')
            page(name, layout, zone, printed, master)
            for way in PLAN[name]:
                file = f'{name}-{way}.jpg'
                photograph(master, way, os.path.join(OUT, file), rng)
                rows.append(f'{file}\t{doc}\t{layout}:{"|".join(zone)}\t{way}')
        for name, doc, lines, says, ways in TEXTS:
            master = os.path.join(tmp, name + '.png')
            text_page(lines, master)
            for way in ways:
                file = f'{name}-{way}.jpg'
                photograph(master, way, os.path.join(OUT, file), rng)
                rows.append(f'{file}\t{doc}\t{says}\t{way}')
        master = os.path.join(tmp, 'attestation.png')
        text_page(ATTESTATION, master)
        photograph(master, 'perspective', os.path.join(OUT, 'attestation-provisional-perspective.jpg'), rng)
    with open(os.path.join(OUT, 'photos.tsv'), 'w') as f:
        f.write('\n'.join(rows) + '\n')
    print(f'{len(rows) - 1} photos in {os.path.relpath(OUT)}', file=sys.stderr)


if __name__ == '__main__':
    main()
