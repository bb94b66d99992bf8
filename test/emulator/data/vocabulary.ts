// The words the generator draws from: IFC classes as a Dutch Revit model exports them, their
// property sets, the materials, document kinds and to-do texts.

export interface PropertySpec {
  readonly name: string;
  /** IFC measure/value type of the value. */
  readonly dataType: string;
  readonly unit: string | null;
  readonly values: readonly string[];
}

export interface IfcClassSpec {
  readonly ifcType: string;
  /** Relative share of the object types (and so of the instances). */
  readonly weight: number;
  readonly predefinedTypes: readonly string[];
  /** Revit family name, the first part of a type name. */
  readonly family: string;
  readonly typeNames: readonly string[];
  readonly materials: readonly string[];
  readonly propertySet: string;
  readonly properties: readonly [PropertySpec, PropertySpec, PropertySpec];
  /** NL-SfB element code (the Dutch classification). */
  readonly nlsfb: string;
  readonly todos: readonly string[];
}

const fireRating: PropertySpec = { name: 'FireRating', dataType: 'IfcLabel', unit: null, values: ['EI 30', 'EI 60', 'REI 60', 'REI 90', 'EI 120'] };
const isExternal: PropertySpec = { name: 'IsExternal', dataType: 'IfcBoolean', unit: null, values: ['true', 'false', 'false'] };
const loadBearing: PropertySpec = { name: 'LoadBearing', dataType: 'IfcBoolean', unit: null, values: ['true', 'false'] };

export const IFC_CLASSES: readonly IfcClassSpec[] = [
  {
    ifcType: 'IfcWall', weight: 30, predefinedTypes: ['STANDARD', 'SOLIDWALL', 'PARTITIONING'], family: 'Basiswand',
    typeNames: ['Binnenwand kalkzandsteen 100 mm', 'Binnenwand kalkzandsteen 150 mm', 'Buitenwand beton 250 mm', 'Metal stud wand 100 mm', 'Woningscheidende wand beton 250 mm', 'Schachtwand gipskarton 75 mm'],
    materials: ['kalkzandsteen', 'beton', 'gipskarton', 'minerale wol', 'baksteen'], propertySet: 'Pset_WallCommon',
    properties: [fireRating, isExternal, loadBearing], nlsfb: '21.11',
    todos: ['Brandwerendheid wand controleren', 'Sparing voor leiding ontbreekt', 'Wanddikte wijkt af van bestek'],
  },
  {
    ifcType: 'IfcSlab', weight: 10, predefinedTypes: ['FLOOR', 'ROOF', 'BASESLAB'], family: 'Vloer',
    typeNames: ['Breedplaatvloer 260 mm', 'Kanaalplaatvloer 200 mm', 'Funderingsplaat beton 400 mm', 'Dakvloer beton 220 mm'],
    materials: ['beton', 'cementdekvloer', 'PIR-isolatie'], propertySet: 'Pset_SlabCommon',
    properties: [fireRating, isExternal, loadBearing], nlsfb: '23.21',
    todos: ['Vloerafwerking ontbreekt', 'Sparing in vloer afstemmen met installateur'],
  },
  {
    ifcType: 'IfcDoor', weight: 12, predefinedTypes: ['DOOR'], family: 'Deur',
    typeNames: ['Binnendeur 930x2315', 'Brandwerende deur 1030x2315', 'Dubbele deur 1830x2315', 'Buitendeur aluminium 1100x2400'],
    materials: ['hout', 'staal', 'aluminium', 'glas'], propertySet: 'Pset_DoorCommon',
    properties: [fireRating, isExternal, { name: 'SelfClosing', dataType: 'IfcBoolean', unit: null, values: ['true', 'false'] }], nlsfb: '32.31',
    todos: ['Deurdranger ontbreekt', 'Draairichting deur controleren', 'Brandwerendheid deur aanpassen'],
  },
  {
    ifcType: 'IfcWindow', weight: 12, predefinedTypes: ['WINDOW'], family: 'Kozijn',
    typeNames: ['Kozijn aluminium 1200x1500', 'Kozijn aluminium 2400x1500', 'Vliesgevelelement 1800x3600', 'Dakraam 780x1180'],
    materials: ['aluminium', 'glas', 'EPDM'], propertySet: 'Pset_WindowCommon',
    properties: [isExternal, { name: 'ThermalTransmittance', dataType: 'IfcThermalTransmittanceMeasure', unit: 'W/(m²·K)', values: ['1.1', '1.4', '1.65', '0.9'] }, fireRating], nlsfb: '31.21',
    todos: ['Kozijnmaat afwijkend van tekening', 'Glastype controleren (HR++)'],
  },
  {
    ifcType: 'IfcColumn', weight: 6, predefinedTypes: ['COLUMN'], family: 'Kolom',
    typeNames: ['Kolom beton 400x400', 'Kolom beton 300x300', 'Kolom staal HEB 240'],
    materials: ['beton', 'staal'], propertySet: 'Pset_ColumnCommon',
    properties: [loadBearing, fireRating, isExternal], nlsfb: '28.11',
    todos: ['Wapening kolom controleren'],
  },
  {
    ifcType: 'IfcBeam', weight: 6, predefinedTypes: ['BEAM', 'LINTEL'], family: 'Ligger',
    typeNames: ['Ligger staal HEA 300', 'Ligger beton 300x600', 'Latei staal L 100x100'],
    materials: ['staal', 'beton'], propertySet: 'Pset_BeamCommon',
    properties: [loadBearing, fireRating, { name: 'Span', dataType: 'IfcPositiveLengthMeasure', unit: 'm', values: ['3.6', '5.4', '7.2', '8.1'] }], nlsfb: '28.21',
    todos: ['Oplegging ligger controleren'],
  },
  {
    ifcType: 'IfcStair', weight: 2, predefinedTypes: ['STRAIGHT_RUN_STAIR', 'HALF_TURN_STAIR'], family: 'Trap',
    typeNames: ['Trap beton prefab', 'Trap staal met houten treden'],
    materials: ['beton', 'staal', 'hout'], propertySet: 'Pset_StairCommon',
    properties: [{ name: 'NumberOfRiser', dataType: 'IfcCountMeasure', unit: null, values: ['17', '18', '20'] }, fireRating, isExternal], nlsfb: '24.11',
    todos: ['Aantrede trap controleren'],
  },
  {
    ifcType: 'IfcCovering', weight: 8, predefinedTypes: ['CEILING', 'FLOORING', 'CLADDING'], family: 'Afwerking',
    typeNames: ['Systeemplafond 600x600', 'Vloertegel 600x600', 'Gevelbekleding zink'],
    materials: ['minerale wol', 'keramische tegels', 'zink', 'gipskarton'], propertySet: 'Pset_CoveringCommon',
    properties: [fireRating, { name: 'AcousticRating', dataType: 'IfcLabel', unit: null, values: ['A', 'B', 'C'] }, isExternal], nlsfb: '45.11',
    todos: ['Plafondhoogte afstemmen'],
  },
  {
    ifcType: 'IfcRailing', weight: 2, predefinedTypes: ['GUARDRAIL', 'HANDRAIL'], family: 'Balustrade',
    typeNames: ['Balustrade glas 1000 mm', 'Leuning staal rond 42 mm'],
    materials: ['glas', 'staal'], propertySet: 'Pset_RailingCommon',
    properties: [{ name: 'Height', dataType: 'IfcPositiveLengthMeasure', unit: 'm', values: ['1.0', '1.1', '1.2'] }, isExternal, { name: 'Reference', dataType: 'IfcIdentifier', unit: null, values: ['BAL-01', 'BAL-02', 'LEU-01'] }], nlsfb: '34.21',
    todos: ['Hoogte balustrade voldoet niet aan Bbl'],
  },
  {
    ifcType: 'IfcFireSuppressionTerminal', weight: 8, predefinedTypes: ['SPRINKLER', 'HOSEREEL'], family: 'Sprinkler',
    typeNames: ['Sprinklerkop hangend 68 °C', 'Sprinklerkop staand 68 °C', 'Brandslanghaspel 30 m'],
    materials: ['staal'], propertySet: 'Pset_FireSuppressionTerminalTypeSprinkler',
    properties: [
      { name: 'ActivationTemperature', dataType: 'IfcThermodynamicTemperatureMeasure', unit: '°C', values: ['68', '79', '93'] },
      { name: 'Coverage', dataType: 'IfcAreaMeasure', unit: 'm²', values: ['9', '12', '21'] },
      { name: 'Response', dataType: 'IfcLabel', unit: null, values: ['QUICK', 'STANDARD'] },
    ], nlsfb: '68.11',
    todos: ['Sprinklerdekking controleren', 'Sprinklerkop botst met kabelgoot'],
  },
];

export interface MaterialSpec { readonly name: string; readonly category: string }

export const MATERIALS: readonly MaterialSpec[] = [
  { name: 'beton', category: 'Steenachtig' },
  { name: 'kalkzandsteen', category: 'Steenachtig' },
  { name: 'baksteen', category: 'Steenachtig' },
  { name: 'cementdekvloer', category: 'Steenachtig' },
  { name: 'gipskarton', category: 'Plaatmateriaal' },
  { name: 'glas', category: 'Glas' },
  { name: 'staal', category: 'Metaal' },
  { name: 'aluminium', category: 'Metaal' },
  { name: 'zink', category: 'Metaal' },
  { name: 'hout', category: 'Hout' },
  { name: 'minerale wol', category: 'Isolatie' },
  { name: 'PIR-isolatie', category: 'Isolatie' },
  { name: 'EPDM', category: 'Kunststof' },
  { name: 'keramische tegels', category: 'Afwerking' },
];

export const SPACE_NAMES: readonly string[] = ['Kantoor', 'Vergaderruimte', 'Werkplek', 'Gang', 'Toilet', 'Pantry', 'Berging', 'Meterkast', 'Trappenhuis', 'Installatieruimte', 'Archief', 'Stilteruimte'];

export interface DocumentKind { readonly label: string; readonly extension: string; readonly contentType: string }

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  { label: 'Productblad', extension: 'pdf', contentType: 'application/pdf' },
  { label: 'Onderhoudsinstructie', extension: 'pdf', contentType: 'application/pdf' },
  { label: 'Keuringsrapport', extension: 'pdf', contentType: 'application/pdf' },
  { label: 'Garantiecertificaat', extension: 'pdf', contentType: 'application/pdf' },
  { label: 'Foto', extension: 'jpg', contentType: 'image/jpeg' },
  { label: 'Detailtekening', extension: 'dwg', contentType: 'application/acad' },
  { label: 'Materiaalstaat', extension: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
];

export const GENERAL_TODOS: readonly string[] = [
  'Revisiemodel aanleveren',
  'Ruimtenummering afstemmen met beheerder',
  'Opleverdossier compleet maken',
  'IFC-export controleren op ontbrekende GlobalIds',
  'Bouwlagen hernoemen volgens BIM-protocol',
];

export const TODO_STATUSES: readonly string[] = ['Open', 'Open', 'InProgress', 'Done'];

export const ASSIGNEES: readonly (string | null)[] = ['Anna de Vries', 'Bram Jansen', 'Sanne Bakker', 'Pieter Visser', 'Fatima El Amrani', null];
