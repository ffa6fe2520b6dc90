// USPS Publication 28, Appendix C1 street suffixes: primary name -> accepted variants.
// The primary name is the full word; the standard abbreviation is listed among the variants.

let uspsSuffixSource: String = """
    ALLEY:ALLEE,ALLEY,ALLY,ALY|ANEX:ANEX,ANNEX,ANNX,ANX|ARCADE:ARC,ARCADE|AVENUE:AV,AVE,AVEN,AVENU,AVENUE,AVN,AVNUE|\
    BAYOU:BAYOO,BAYOU,BYU|BEACH:BCH,BEACH|BEND:BEND,BND|BLUFF:BLF,BLUF,BLUFF|BLUFFS:BLUFFS,BLFS|BOTTOM:BOT,BTM,BOTTM,BOTTOM|\
    BOULEVARD:BLVD,BOUL,BOULEVARD,BOULV|BRANCH:BR,BRNCH,BRANCH|BRIDGE:BRDGE,BRG,BRIDGE|BROOK:BRK,BROOK|BROOKS:BROOKS,BRKS|\
    BURG:BURG,BG|BURGS:BURGS,BGS|BYPASS:BYP,BYPA,BYPAS,BYPASS,BYPS|CAMP:CAMP,CP,CMP|CANYON:CANYN,CANYON,CNYN,CYN|CAPE:CAPE,CPE|\
    CAUSEWAY:CAUSEWAY,CAUSWA,CSWY|CENTER:CEN,CENT,CENTER,CENTR,CENTRE,CNTER,CNTR,CTR|CENTERS:CENTERS,CTRS|\
    CIRCLE:CIR,CIRC,CIRCL,CIRCLE,CRCL,CRCLE|CIRCLES:CIRCLES,CIRS|CLIFF:CLF,CLIFF|CLIFFS:CLFS,CLIFFS|CLUB:CLB,CLUB|\
    COMMON:COMMON,CMN|COMMONS:COMMONS,CMNS|CORNER:COR,CORNER|CORNERS:CORNERS,CORS|COURSE:COURSE,CRSE|COURT:COURT,CT|\
    COURTS:COURTS,CTS|COVE:COVE,CV|COVES:COVES,CVS|CREEK:CREEK,CRK|CRESCENT:CRESCENT,CRES,CRSENT,CRSNT|CREST:CREST,CRST|\
    CROSSING:CROSSING,CRSSNG,XING|CROSSROAD:CROSSROAD,XRD|CROSSROADS:CROSSROADS,XRDS|CURVE:CURVE,CURV|DALE:DALE,DL|DAM:DAM,DM|\
    DIVIDE:DIV,DIVIDE,DV,DVD|DRIVE:DR,DRIV,DRIVE,DRV|DRIVES:DRIVES,DRS|ESTATE:EST,ESTATE|ESTATES:ESTATES,ESTS|\
    EXPRESSWAY:EXP,EXPR,EXPRESS,EXPRESSWAY,EXPW,EXPY|EXTENSION:EXTENSION,EXTN,EXTNSN|EXTENSIONS:EXTS|FALL:FALL|FALLS:FALLS,FLS|\
    FERRY:FERRY,FRRY,FRY|FIELD:FIELD,FLD|FIELDS:FIELDS,FLDS|FLAT:FLAT,FLT|FLATS:FLATS,FLTS|FORD:FORD,FRD|FORDS:FORDS,FRDS|\
    FOREST:FOREST,FORESTS,FRST|FORGE:FORG,FORGE,FRG|FORGES:FORGES,FRGS|FORK:FORK,FRK|FORKS:FORKS,FRKS|FORT:FORT,FRT,FT|\
    FREEWAY:FREEWAY,FREEWY,FRWAY,FRWY,FWY|GARDEN:GARDEN,GARDN,GRDEN,GRDN,GDN|GARDENS:GARDENS,GDNS,GRDNS|\
    GATEWAY:GATEWAY,GATEWY,GATWAY,GTWAY,GTWY|GLEN:GLEN,GLN|GLENS:GLENS,GLNS|GREEN:GREEN,GRN|GREENS:GREENS,GRNS|\
    GROVE:GROV,GROVE,GRV|GROVES:GROVES,GRVS|HARBOR:HARB,HARBOR,HARBR,HBR,HRBOR|HARBORS:HARBORS,HBRS|HAVEN:HAVEN,HVN|\
    HEIGHTS:HT,HTS,HEIGHTS|HIGHWAY:HIGHWAY,HIGHWY,HIWAY,HIWY,HWAY,HWY|HILL:HILL,HL|HILLS:HILLS,HLS|\
    HOLLOW:HLLW,HOLLOW,HOLLOWS,HOLW,HOLWS|INLET:INLT,INLET|ISLAND:IS,ISLAND,ISLND|ISLANDS:ISLANDS,ISLNDS,ISS|ISLE:ISLE,ISLES|\
    JUNCTION:JCT,JCTION,JCTN,JUNCTION,JUNCTN,JUNCTON|JUNCTIONS:JCTNS,JCTS,JUNCTIONS|KEY:KEY,KY|KEYS:KEYS,KYS|KNOLL:KNL,KNOL,KNOLL|\
    KNOLLS:KNLS,KNOLLS|LAKE:LK,LAKE|LAKES:LKS,LAKES|LAND:LAND|LANDING:LANDING,LNDG,LNDNG|LANE:LANE,LN|LIGHT:LGT,LIGHT|\
    LIGHTS:LIGHTS,LGTS|LOAF:LF,LOAF|LOCK:LCK,LOCK|LOCKS:LCKS,LOCKS|LODGE:LDG,LDGE,LODG,LODGE|LOOP:LOOP,LOOPS|MALL:MALL|\
    MANOR:MNR,MANOR|MANORS:MANORS,MNRS|MEADOW:MEADOW|MEADOWS:MDW,MDWS,MEADOWS,MEDOWS|MEWS:MEWS|MILL:MILL,ML|MILLS:MILLS,MLS|\
    MISSION:MISSN,MSSN,MSN,MISSION|MOTORWAY:MOTORWAY,MTWY|MOUNT:MNT,MT,MOUNT|MOUNTAIN:MNTAIN,MNTN,MOUNTAIN,MOUNTIN,MTIN,MTN|\
    MOUNTAINS:MNTNS,MOUNTAINS,MTNS|NECK:NCK,NECK|ORCHARD:ORCH,ORCHARD,ORCHRD|OVAL:OVAL,OVL|OVERPASS:OVERPASS,OPAS|\
    PARK:PARK,PRK,PARKS|PARKWAY:PARKWAY,PARKWY,PKWAY,PKWY,PKY,PARKWAYS,PKWYS|PASS:PASS|PASSAGE:PASSAGE,PSGE|PATH:PATH,PATHS|\
    PIKE:PIKE,PIKES|PINE:PINE,PNE|PINES:PINES,PNES|PLACE:PL,PLACE|PLAIN:PLAIN,PLN|PLAINS:PLAINS,PLNS|PLAZA:PLAZA,PLZ,PLZA|\
    POINT:POINT,PT|POINTS:POINTS,PTS|PORT:PORT,PRT|PORTS:PORTS,PRTS|PRAIRIE:PR,PRAIRIE,PRR|RADIAL:RAD,RADIAL,RADIEL,RADL|\
    RAMP:RAMP|RANCH:RANCH,RANCHES,RNCH,RNCHS|RAPID:RAPID,RPD|RAPIDS:RAPIDS,RPDS|REST:REST,RST|RIDGE:RDG,RDGE,RIDGE|\
    RIDGES:RDGS,RIDGES|RIVER:RIV,RIVER,RVR,RIVR|ROAD:RD,ROAD|ROADS:ROADS,RDS|ROUTE:ROUTE,RTE|ROW:ROW|RUE:RUE|RUN:RUN|\
    SHOAL:SHL,SHOAL|SHOALS:SHLS,SHOALS|SHORE:SHOAR,SHORE,SHR|SHORES:SHOARS,SHORES,SHRS|SKYWAY:SKYWAY,SKWY|\
    SPRING:SPG,SPNG,SPRING,SPRNG|SPRINGS:SPGS,SPNGS,SPRINGS,SPRNGS|SPUR:SPUR,SPURS|SQUARE:SQ,SQR,SQRE,SQU,SQUARE|\
    SQUARES:SQRS,SQUARES,SQS|STATION:STA,STATION,STATN,STN|STRAVENUE:STRA,STRAV,STRAVEN,STRAVENUE,STRAVN,STRVN,STRVNUE|\
    STREAM:STREAM,STREME,STRM|STREET:STREET,STRT,ST,STR|STREETS:STREETS,STS|SUMMIT:SMT,SUMIT,SUMITT,SUMMIT|\
    TERRACE:TER,TERR,TERRACE|THROUGHWAY:THROUGHWAY,TRWY|TRACE:TRACE,TRACES,TRCE|TRACK:TRACK,TRACKS,TRAK,TRK,TRKS|\
    TRAFFICWAY:TRAFFICWAY,TRFY|TRAIL:TRAIL,TRAILS,TRL,TRLS|TRAILER:TRAILER,TRLR,TRLRS|\
    TUNNEL:TUNEL,TUNL,TUNLS,TUNNEL,TUNNELS,TUNNL|TURNPIKE:TRNPK,TURNPIKE,TURNPK,TPKE|UNDERPASS:UNDERPASS,UPAS|UNION:UN,UNION|\
    UNIONS:UNIONS,UNS|VALLEY:VALLEY,VALLY,VLLY,VLY|VALLEYS:VALLEYS,VLYS|VIADUCT:VDCT,VIA,VIADCT,VIADUCT|VIEW:VIEW,VW|\
    VIEWS:VIEWS,VWS|VILLAGE:VILL,VILLAG,VILLAGE,VILLG,VILLIAGE,VLG|VILLAGES:VILLAGES,VLGS|VILLE:VILLE,VL|\
    VISTA:VIS,VIST,VISTA,VST,VSTA|WALK:WALK,WALKS|WALL:WALL|WAY:WY,WAY|WAYS:WAYS|WELL:WELL,WL|WELLS:WELLS,WLS
    """

/// Suffixes that make a street on their own; the others (Park, Lake, Center, Wells ...) are common words
/// and need more evidence (directional, unit, city/state, residence words).
let strongSuffixes: Set<String> = [
    "ALLEY", "AVENUE", "BOULEVARD", "CIRCLE", "COURT", "CRESCENT", "DRIVE", "EXPRESSWAY", "FREEWAY", "HIGHWAY",
    "LANE", "PARKWAY", "PLACE", "ROAD", "STREET", "TERRACE", "WAY", "TURNPIKE", "PIKE", "TRAIL", "LOOP", "PLAZA",
    "COVE", "COURTS", "CIRCLES", "BYPASS", "CAUSEWAY", "STRAVENUE", "SKYWAY", "MOTORWAY", "THROUGHWAY", "TRAFFICWAY",
]

struct SuffixInfo: Sendable {
    let primary: String
    let strong: Bool
    let isFullWord: Bool  // the variant is the full (primary) word: a following '.' is punctuation
}

let suffixTable: [[UInt8]: SuffixInfo] = {
    var t: [[UInt8]: SuffixInfo] = [:]
    for entry in uspsSuffixSource.split(separator: "|") {
        let parts = entry.split(separator: ":")
        guard parts.count == 2 else { continue }
        let primary = String(parts[0])
        for v in parts[1].split(separator: ",") {
            let vs = String(v)
            t[Array(vs.utf8)] = SuffixInfo(primary: primary, strong: strongSuffixes.contains(primary), isFullWord: vs == primary)
        }
    }
    // common spellings not in C1
    t[Array("STE".utf8)] = nil
    return t
}()

let directionals: [[UInt8]: String] = {
    var t: [[UInt8]: String] = [:]
    let pairs: [(String, String)] = [
        ("N", "N"), ("S", "S"), ("E", "E"), ("W", "W"), ("NE", "NE"), ("NW", "NW"), ("SE", "SE"), ("SW", "SW"),
        ("NORTH", "N"), ("SOUTH", "S"), ("EAST", "E"), ("WEST", "W"), ("NORTHEAST", "NE"), ("NORTHWEST", "NW"),
        ("SOUTHEAST", "SE"), ("SOUTHWEST", "SW"),
    ]
    for (k, v) in pairs { t[Array(k.utf8)] = v }
    return t
}()

let unitDesignators: [[UInt8]] = [
    "apartment", "apt", "unit", "suite", "ste", "floor", "fl", "room", "rm", "building", "bldg", "lot", "space",
    "spc", "trailer", "trlr", "dept", "department", "office", "ofc", "hangar", "pier", "slip", "stop", "lowr",
    "upper", "uppr", "lower", "rear", "front", "frnt", "basement", "bsmt", "penthouse", "ph",
].map { Array($0.utf8) }
/// Designators that take no identifier (Rear, Upper, Lower ...).
let unitNoId: [[UInt8]] = ["lowr", "upper", "uppr", "lower", "rear", "front", "frnt", "basement", "bsmt"].map { Array($0.utf8) }

let stateCodes: Set<String> = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
    "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI",
]
let stateNames: [[UInt8]] = [
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
    "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
    "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
    "nevada", "ohio", "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia",
    "washington", "wisconsin", "wyoming", "wis", "ill", "minn", "mich",
].map { Array($0.utf8) }

let nameStopwords: [[UInt8]] = [
    "the", "a", "an", "and", "or", "of", "for", "to", "in", "on", "at", "by", "with", "our", "we", "your", "all",
    "this", "that", "is", "are", "be", "from", "new", "more", "than", "over", "under", "about", "after", "before",
    "days", "years", "people", "residents", "homes", "trees", "members", "i", "it", "my", "his", "her", "their",
    "block", "blocks", "percent", "am", "pm", "hours", "minutes",
].map { Array($0.utf8) }
let yearContextWords: [[UInt8]] = [
    "in", "since", "by", "from", "until", "till", "during", "before", "after", "year", "fiscal", "fy", "summer",
    "spring", "fall", "winter", "autumn", "early", "late", "mid", "through", "thru", "of", "circa", "around",
].map { Array($0.utf8) }
let saintLike: [[UInt8]] = ["st", "mt", "ft", "jr", "sr", "dr"].map { Array($0.utf8) }
let determinerWords: [[UInt8]] = [
    "the", "our", "their", "its", "these", "those", "this", "all", "every", "each", "some", "several", "over",
    "about", "nearly", "almost", "approximately", "around", "than", "top", "only", "just", "another", "other",
    "first", "last", "next", "annual", "than", "roughly", "some", "least",
].map { Array($0.utf8) }
