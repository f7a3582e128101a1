"""Place names orbat writes itself: country aliases and demonyms, continent demonyms, and the
abbreviations of first-level subdivisions used in English-language news (AP style for US
states, Canadian Press style for provinces, the usual short forms of Australian states).

All are keyed by codes (ISO 3166-1 alpha-2 for countries, ISO 3166-2 for subdivisions) so the
gazetteer attaches them to the entities its datasets define. Two-letter postal codes are left
out on purpose: "IN", "OR", "ME", "OK" and "HI" are English words.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["COUNTRY_ALIASES", "CONTINENT_ALIASES", "SUBDIVISION_ABBREVIATIONS"]

# Country names and demonyms that GeoNames' countries table lacks, by ISO 3166-1 alpha-2.
COUNTRY_ALIASES: Mapping[str, tuple[str, ...]] = {
    "US": ("United States of America", "U.S.", "U.S.A.", "US", "USA", "America", "American", "Americans"),
    "GB": ("U.K.", "UK", "Britain", "Great Britain", "British", "Britons"),
    "IQ": ("Iraqi", "Iraqis", "العراق"),
    "SY": ("Syrian", "Syrians", "سوريا", "سورية"),
    "JO": ("Jordanian", "Jordanians", "الأردن"),
    "TR": ("Turkish", "Turks", "Türkiye", "Turkiye", "تركيا"),
    "IR": ("Iranian", "Iranians", "Islamic Republic of Iran", "إيران"),
    "LB": ("Lebanese", "لبنان"),
    "IL": ("Israeli", "Israelis"),
    "SA": ("Saudi", "Saudis", "Saudi Arabian", "KSA"),
    "RU": ("Russian", "Russians", "Russian Federation"),
    "CN": ("Chinese", "PRC", "People's Republic of China"),
    "FR": ("French",),
    "DE": ("German", "Germans"),
    "CA": ("Canadian", "Canadians"),
    "AU": ("Australian", "Australians"),
    "EG": ("Egyptian", "Egyptians"),
    "KW": ("Kuwaiti",),
    "QA": ("Qatari",),
    "AE": ("UAE", "Emirati", "Emirates"),
    "YE": ("Yemeni",),
    "AF": ("Afghan",),
    "PK": ("Pakistani",),
    "IN": ("Indian",),
    "JP": ("Japanese",),
    "KR": ("South Korean", "Korea"),
    "KP": ("North Korean", "North Korea", "DPRK"),
    "ES": ("Spanish",),
    "IT": ("Italian",),
    "CU": ("Cuban", "Cubans"),
    "MX": ("Mexican", "Mexicans"),
    "BR": ("Brazilian",),
    "UA": ("Ukrainian", "Ukrainians"),
    "PL": ("Polish",),
    "NL": ("Dutch", "Holland"),
    "GR": ("Greek",),
    "SE": ("Swedish",),
    "NO": ("Norwegian",),
    "CH": ("Swiss",),
    "BE": ("Belgian",),
    "IE": ("Irish",),
    "KZ": ("Kazakh",),
    "LY": ("Libyan",),
    "TN": ("Tunisian",),
    "MA": ("Moroccan",),
    "DZ": ("Algerian",),
    "SD": ("Sudanese",),
    "NG": ("Nigerian",),
    "ZA": ("South African",),
    "CR": ("Costa Rican",),
    "VE": ("Venezuelan",),
    "AR": ("Argentine", "Argentinian"),
    "PH": ("Filipino", "Philippine"),
    "SG": ("Singaporean",),
    "MY": ("Malaysian",),
    "ID": ("Indonesian",),
    "VN": ("Vietnamese",),
    "TH": ("Thai",),
    "AM": ("Armenian",),
    "AZ": ("Azerbaijani",),
    "GE": ("Georgian",),
    "CZ": ("Czech", "Czech Republic"),
    "HU": ("Hungarian",),
    "RO": ("Romanian",),
    "RS": ("Serbian",),
    "PT": ("Portuguese",),
    "AT": ("Austrian",),
    "DK": ("Danish",),
    "FI": ("Finnish",),
    "NZ": ("New Zealander",),
    "PS": ("Palestinian", "Palestine", "Palestinian Territories"),
    "CD": ("Congolese", "DR Congo", "DRC"),
    "CI": ("Ivory Coast",),
    "MM": ("Burmese", "Burma"),
}
# Continent demonyms, keyed by the continent's GeoNames name.
CONTINENT_ALIASES: Mapping[str, tuple[str, ...]] = {
    "Europe": ("European",),
    "Asia": ("Asian",),
    "Africa": ("African",),
    "North America": ("North American",),
    "South America": ("South American", "Latin America"),
    "Oceania": ("Oceanian",),
}

# Abbreviations of first-level subdivisions, by ISO 3166-2 code.
SUBDIVISION_ABBREVIATIONS: Mapping[str, tuple[str, ...]] = {
    "US-AL": ("Ala.",), "US-AZ": ("Ariz.",), "US-AR": ("Ark.",), "US-CA": ("Calif.", "Cal."),
    "US-CO": ("Colo.",), "US-CT": ("Conn.",), "US-DE": ("Del.",), "US-DC": ("D.C.",), "US-FL": ("Fla.",),
    "US-GA": ("Ga.",), "US-IL": ("Ill.",), "US-IN": ("Ind.",), "US-KS": ("Kan.", "Kans."), "US-KY": ("Ky.",),
    "US-LA": ("La.",), "US-MD": ("Md.",), "US-MA": ("Mass.",), "US-MI": ("Mich.",), "US-MN": ("Minn.",),
    "US-MS": ("Miss.",), "US-MO": ("Mo.",), "US-MT": ("Mont.",), "US-NE": ("Neb.", "Nebr."), "US-NV": ("Nev.",),
    "US-NH": ("N.H.",), "US-NJ": ("N.J.",), "US-NM": ("N.M.",), "US-NY": ("N.Y.",), "US-NC": ("N.C.",),
    "US-ND": ("N.D.",), "US-OK": ("Okla.",), "US-OR": ("Ore.", "Oreg."), "US-PA": ("Pa.", "Penn."),
    "US-RI": ("R.I.",), "US-SC": ("S.C.",), "US-SD": ("S.D.",), "US-TN": ("Tenn.",), "US-TX": ("Tex.",),
    "US-VT": ("Vt.",), "US-VA": ("Va.",), "US-WA": ("Wash.",), "US-WV": ("W.Va.", "W. Va."), "US-WI": ("Wis.", "Wisc."),
    "US-WY": ("Wyo.",),
    "CA-AB": ("Alta.",), "CA-BC": ("B.C.", "BC"), "CA-MB": ("Man.",), "CA-NB": ("N.B.",), "CA-NL": ("Nfld.", "N.L.", "Newfoundland"),
    "CA-NS": ("N.S.",), "CA-NT": ("N.W.T.",), "CA-ON": ("Ont.",), "CA-PE": ("P.E.I.", "PEI"), "CA-QC": ("Que.", "Qué."),
    "CA-SK": ("Sask.",), "CA-YT": ("Y.T.",),
    "AU-NSW": ("NSW", "N.S.W."), "AU-QLD": ("Qld", "Qld."), "AU-VIC": ("Vic.",), "AU-TAS": ("Tas.",),
    "AU-ACT": ("ACT", "A.C.T."), "AU-WA": ("W.A.",),
}
