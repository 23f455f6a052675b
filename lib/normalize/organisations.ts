/**
 * Organisations that publish on human trafficking, each under the name the catalogue credits it by (the
 * sample data's spelling), with the acronyms and other names sources use for it. An acronym alone, or the
 * name followed by its acronym in brackets, is the same author; so is a name in French or Spanish, and a
 * spelling variant (Organisation/Organization, Labour/Labor). Add an organisation here when imports
 * keep meeting it under several names.
 */
export type OrganisationDef = {
  name: string;
  acronyms: readonly string[];
  /** Other English names and spellings. */
  aliases?: readonly string[];
  /** French and Spanish names. */
  translations?: readonly string[];
};

export const ORGANISATIONS: readonly OrganisationDef[] = [
  {
    name: 'International Organization for Migration',
    acronyms: ['IOM', 'OIM'],
    aliases: ['International Organisation for Migration', 'UN Migration', 'IOM UN Migration'],
    translations: ['Organisation internationale pour les migrations', 'Organización Internacional para las Migraciones'],
  },
  {
    name: 'United Nations Office on Drugs and Crime',
    acronyms: ['UNODC', 'ONUDC'],
    aliases: ['UN Office on Drugs and Crime'],
    translations: ['Office des Nations Unies contre la drogue et le crime', 'Oficina de las Naciones Unidas contra la Droga y el Delito'],
  },
  {
    name: 'International Labour Organization',
    acronyms: ['ILO', 'OIT'],
    aliases: ['International Labor Organization', 'International Labour Organisation', 'International Labour Office', 'International Labor Office'],
    translations: ['Organisation internationale du Travail', 'Bureau international du Travail', 'Organización Internacional del Trabajo'],
  },
  {
    name: 'Inter-Agency Coordination Group against Trafficking in Persons',
    acronyms: ['ICAT'],
    aliases: ['Inter-Agency Coordination Group Against Trafficking in Persons', 'Inter Agency Coordination Group against Trafficking'],
    translations: ['Groupe interinstitutions de coordination contre la traite des personnes', 'Grupo Interinstitucional de Coordinación contra la Trata de Personas'],
  },
  {
    name: 'Group of Experts on Action against Trafficking in Human Beings',
    acronyms: ['GRETA'],
    aliases: ['Council of Europe Group of Experts on Action against Trafficking in Human Beings'],
    translations: ['Groupe d’experts sur la lutte contre la traite des êtres humains', 'Grupo de Expertos en la Lucha contra la Trata de Seres Humanos'],
  },
  {
    name: 'Council of Europe',
    acronyms: ['CoE'],
    translations: ['Conseil de l’Europe', 'Consejo de Europa'],
  },
  {
    name: 'Organization for Security and Co-operation in Europe',
    acronyms: ['OSCE', 'OSZE'],
    aliases: ['Organisation for Security and Co-operation in Europe', 'Organization for Security and Cooperation in Europe', 'Organisation for Security and Cooperation in Europe'],
    translations: ['Organisation pour la sécurité et la coopération en Europe', 'Organización para la Seguridad y la Cooperación en Europa'],
  },
  {
    name: 'OSCE Office for Democratic Institutions and Human Rights',
    acronyms: ['ODIHR'],
    aliases: ['Office for Democratic Institutions and Human Rights'],
    translations: ['Bureau des institutions démocratiques et des droits de l’homme', 'Oficina de Instituciones Democráticas y Derechos Humanos'],
  },
  {
    name: "United Nations Children's Fund",
    acronyms: ['UNICEF'],
    aliases: ["UN Children's Fund", 'United Nations International Children’s Emergency Fund'],
    translations: ['Fonds des Nations Unies pour l’enfance', 'Fondo de las Naciones Unidas para la Infancia'],
  },
  {
    name: 'United Nations High Commissioner for Refugees',
    acronyms: ['UNHCR', 'HCR', 'ACNUR'],
    aliases: ['Office of the United Nations High Commissioner for Refugees', 'UN Refugee Agency', 'The UN Refugee Agency'],
    translations: ['Haut Commissariat des Nations unies pour les réfugiés', 'Alto Comisionado de las Naciones Unidas para los Refugiados'],
  },
  {
    name: 'International Centre for Migration Policy Development',
    acronyms: ['ICMPD'],
    aliases: ['International Center for Migration Policy Development'],
  },
  {
    name: 'World Health Organization',
    acronyms: ['WHO', 'OMS'],
    aliases: ['World Health Organisation'],
    translations: ['Organisation mondiale de la santé', 'Organización Mundial de la Salud'],
  },
  {
    name: 'Office of the United Nations High Commissioner for Human Rights',
    acronyms: ['OHCHR', 'HCDH', 'ACNUDH'],
    aliases: ['UN Human Rights', 'UN Human Rights Office', 'United Nations Human Rights Office'],
    translations: ['Haut-Commissariat des Nations unies aux droits de l’homme', 'Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos'],
  },
  {
    name: 'United States Department of State',
    acronyms: [],
    aliases: ['US Department of State', 'U.S. Department of State', 'US State Department', 'U.S. State Department', 'United States State Department'],
  },
  { name: 'European Commission', acronyms: [], translations: ['Commission européenne', 'Comisión Europea'] },
  { name: 'Europol', acronyms: [], aliases: ['European Union Agency for Law Enforcement Cooperation', 'European Police Office'] },
  {
    name: 'Association of Southeast Asian Nations',
    acronyms: ['ASEAN'],
    aliases: ['Association of South-East Asian Nations', 'ASEAN Secretariat'],
  },
  {
    name: 'International Commission against Impunity in Guatemala',
    acronyms: ['CICIG'],
    translations: ['Comisión Internacional contra la Impunidad en Guatemala'],
  },
  { name: 'UK Home Office', acronyms: [], aliases: ['Home Office', 'United Kingdom Home Office'] },
  {
    name: 'United Nations Development Programme',
    acronyms: ['UNDP', 'PNUD'],
    aliases: ['United Nations Development Program', 'UN Development Programme'],
    translations: ['Programme des Nations Unies pour le développement', 'Programa de las Naciones Unidas para el Desarrollo'],
  },
  {
    name: 'UN Women',
    acronyms: [],
    aliases: ['United Nations Entity for Gender Equality and the Empowerment of Women'],
    translations: ['ONU Femmes', 'ONU Mujeres'],
  },
  {
    name: 'United Nations Population Fund',
    acronyms: ['UNFPA'],
    translations: ['Fonds des Nations Unies pour la population', 'Fondo de Población de las Naciones Unidas'],
  },
  {
    name: 'European Union Agency for Fundamental Rights',
    acronyms: ['FRA'],
    aliases: ['EU Agency for Fundamental Rights'],
  },
  {
    name: 'European Border and Coast Guard Agency',
    acronyms: ['Frontex'],
  },
  { name: 'Interpol', acronyms: [], aliases: ['International Criminal Police Organization', 'ICPO-INTERPOL'] },
  {
    name: 'Organisation for Economic Co-operation and Development',
    acronyms: ['OECD', 'OCDE'],
    aliases: ['Organization for Economic Cooperation and Development', 'Organisation for Economic Cooperation and Development'],
  },
  {
    name: 'United States Agency for International Development',
    acronyms: ['USAID'],
    aliases: ['U.S. Agency for International Development', 'US Agency for International Development'],
  },
  { name: 'Anti-Slavery International', acronyms: [], aliases: ['Anti Slavery International'] },
  { name: 'La Strada International', acronyms: ['LSI'] },
];
