// Dutch-sounding text for the bench meeting: sentences, paragraphs, names and table cells, all from a seeded generator.

const OPENERS = [
  'In de afgelopen periode', 'Op verzoek van het dagelijks bestuur', 'Zoals afgesproken in de vorige vergadering', 'Naar aanleiding van de evaluatie',
  'Gelet op de ontwikkelingen in de regio', 'Met het oog op de begroting voor 2026', 'Na overleg met de colleges van de deelnemende gemeenten',
  'In lijn met de regionale strategie', 'Vanuit de ambtelijke werkgroep', 'Op basis van de tussenrapportage', 'Samen met de provincie Gelderland',
  'Binnen de kaders van de gemeenschappelijke regeling', 'Conform het werkplan',
];
const SUBJECTS = [
  'het dagelijks bestuur', 'de werkgroep mobiliteit', 'de portefeuillehouder', 'de regiosecretaris', 'het programmateam', 'de klankbordgroep',
  'de zeven gemeenten', 'de provincie', 'het waterschap Rijn en IJssel', 'de netbeheerder', 'het onderwijsveld', 'de ondernemersverenigingen',
  'de woningcorporaties', 'de GGD Noord- en Oost-Gelderland', 'het regionale werkbedrijf',
];
const PARTICIPLES = [
  'onderzocht', 'besproken', 'vastgesteld', 'in kaart gebracht', 'geëvalueerd', 'uitgewerkt', 'voorbereid', 'beoordeeld', 'verkend',
  'opnieuw bekeken', 'getoetst', 'gevolgd',
];
const PRESENTS = ['ondersteunt', 'versterkt', 'zet in op', 'werkt aan', 'financiert mede', 'bewaakt', 'verbetert', 'coördineert', 'stimuleert'];
const OBJECTS = [
  'de uitvoering van de regionale energiestrategie', 'een gezamenlijke aanpak van de woningbouwopgave', 'de bereikbaarheid van het buitengebied',
  'de aansluiting tussen onderwijs en arbeidsmarkt', 'de verdeling van de middelen uit de Regio Deal', 'het programma vrijetijdseconomie',
  'de digitale ontsluiting van kernen', 'de lobby richting Den Haag en Brussel', 'de grensoverschrijdende samenwerking met Duitsland',
  'een sluitende meerjarenraming', 'de inzet van procesgeld voor 2025', 'de monitoring van de voortgang', 'het beheer van de reserves',
  'de subsidieregeling voor kleine kernen', 'de zorg voor kwetsbare inwoners', 'de transitie van de landbouw', 'het onderhoud van fietsroutes',
  'de bijdrage per inwoner', 'het gebruik van zonnedaken', 'de aanpak van laaggeletterdheid',
];
const TAILS = [
  'zodat de regio slagvaardig blijft', 'binnen de bestaande begroting', 'met een looptijd van vier jaar', 'in afstemming met de gemeenteraden',
  'op basis van een verdeelsleutel naar inwonertal', 'zonder extra kosten voor de gemeenten', 'vóór het zomerreces', 'in het eerste kwartaal',
  'waarbij de resultaten jaarlijks worden gerapporteerd', 'met een bijdrage van € 1,2 miljoen', 'zoals beschreven in de notitie',
  'onder voorbehoud van instemming van het algemeen bestuur', 'met bijzondere aandacht voor jongeren en ouderen', 'in nauwe samenwerking met het bedrijfsleven',
];
const FIRST = ['Anke', 'Bart', 'Carolien', 'Daan', 'Esther', 'Frank', 'Gerda', 'Hendrik', 'Inge', 'Joost', 'Karin', 'Lucas', 'Marieke', 'Niels', 'Olga', 'Pieter', 'Renée', 'Sander', 'Tineke', 'Wouter', 'Zoë', 'Chloë'];
const LAST = ['de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Hendriks', 'Wolters', 'Ter Horst', 'Klein Gunnewiek', 'Te Winkel', 'Eggink', 'Wissink', 'Nijhof', 'Roelofsen', 'Heijink', 'Lübbers', 'Ördög'];
const PLACES = ['Doetinchem', 'Winterswijk', 'Aalten', 'Oost Gelre', 'Berkelland', 'Bronckhorst', 'Montferland', 'Oude IJsselstreek', 'Zutphen', 'Lochem'];

export function createText(rnd) {
  const sentence = () => {
    let s = rnd.chance(0.5)
      ? `${rnd.pick(OPENERS)} heeft ${rnd.pick(SUBJECTS)} ${rnd.pick(OBJECTS)} ${rnd.pick(PARTICIPLES)}`
      : `${capitalize(rnd.pick(SUBJECTS))} ${rnd.pick(PRESENTS)} ${rnd.pick(OBJECTS)}`;
    if (rnd.chance(0.6)) s += `, ${rnd.pick(TAILS)}`;
    return `${s}.`;
  };
  const paragraph = (min = 3, max = 6) => Array.from({ length: rnd.int(min, max) }, sentence).join(' ');
  const person = () => `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`;
  const formalName = () => `${rnd.chance(0.5) ? 'De heer' : 'Mevrouw'} ${rnd.pick(FIRST)[0]}. ${rnd.pick(LAST)}`;
  const place = () => rnd.pick(PLACES);
  const phrase = () => capitalize(rnd.pick(OBJECTS));
  const money = () => `€ ${rnd.int(1, 999)}.${String(rnd.int(0, 999)).padStart(3, '0')}`;
  const percent = () => `${rnd.int(0, 100)},${rnd.int(0, 9)}%`;
  return { sentence, paragraph, person, formalName, place, phrase, money, percent };
}

export function capitalize(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function slug(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48)
    .replace(/-$/, '');
}
