"""Places news names that no packaged gazetteer carries: world regions, seas, conflict areas, and
GeoNames' own representative points for countries the packages place badly or not at all.

Why curated: cities500 has only populated places and the admin layer only ISO subdivisions, so "the
Middle East", "Darfur", "the Mediterranean" or "the Korean Peninsula" would otherwise resolve to a
hamlet of the same name (or to nothing). The points are the usual reference points of each area
(rounded; precision is coarse by nature). Entries: (name, aliases, lat, lon, feature_class, feature_code).
"""

from __future__ import annotations

REGIONS: tuple[tuple[str, tuple[str, ...], float, float, str, str], ...] = (
    # oceans and seas
    ("Atlantic Ocean", ("Atlantic", "North Atlantic"), 10.0, -25.0, "H", "OCN"),
    ("Pacific Ocean", ("Pacific", "South Pacific"), 0.0, -160.0, "H", "OCN"),
    ("Indian Ocean", (), -20.0, 80.0, "H", "OCN"),
    ("Arctic Ocean", ("Arctic",), 85.0, 0.0, "H", "OCN"),
    ("Southern Ocean", (), -65.0, 140.0, "H", "OCN"),
    ("Mediterranean Sea", ("Mediterranean", "the Mediterranean"), 35.0, 18.0, "H", "SEA"),
    ("Eastern Mediterranean", (), 34.0, 30.0, "H", "SEA"),
    ("Red Sea", (), 20.0, 38.0, "H", "SEA"),
    ("Black Sea", (), 43.0, 35.0, "H", "SEA"),
    ("Caspian Sea", (), 42.0, 51.0, "H", "SEA"),
    ("Baltic Sea", ("Baltic",), 58.0, 20.0, "H", "SEA"),
    ("North Sea", (), 56.0, 3.0, "H", "SEA"),
    ("Aegean Sea", ("Aegean",), 39.0, 25.0, "H", "SEA"),
    ("Adriatic Sea", ("Adriatic",), 43.0, 15.0, "H", "SEA"),
    ("Arabian Sea", (), 15.0, 65.0, "H", "SEA"),
    ("South China Sea", (), 12.0, 114.0, "H", "SEA"),
    ("East China Sea", (), 29.0, 125.0, "H", "SEA"),
    ("Sea of Japan", ("East Sea",), 40.0, 135.0, "H", "SEA"),
    ("Yellow Sea", (), 35.0, 123.0, "H", "SEA"),
    ("Caribbean Sea", ("Caribbean", "the Caribbean"), 15.0, -75.0, "H", "SEA"),
    ("Gulf of Mexico", (), 25.0, -90.0, "H", "GULF"),
    ("Persian Gulf", ("Arabian Gulf",), 26.5, 52.0, "H", "GULF"),
    ("Gulf of Aden", (), 12.5, 48.0, "H", "GULF"),
    ("Gulf of Oman", (), 24.5, 58.5, "H", "GULF"),
    ("Bay of Bengal", (), 15.0, 88.0, "H", "GULF"),
    ("Strait of Hormuz", (), 26.6, 56.3, "H", "STRT"),
    ("Bab-el-Mandeb", ("Bab el-Mandeb",), 12.6, 43.3, "H", "STRT"),
    ("Great Lakes", (), 45.0, -84.0, "H", "LKS"),
    # world regions
    ("Middle East", ("Mideast", "Near East"), 33.14, 35.86, "L", "RGN"),
    ("North Africa", ("Northern Africa", "Maghreb"), 27.0, 14.0, "L", "RGN"),
    ("West Africa", ("Western Africa",), 13.0, -3.0, "L", "RGN"),
    ("East Africa", ("Eastern Africa",), 0.0, 38.0, "L", "RGN"),
    ("Central Africa", (), 2.0, 20.0, "L", "RGN"),
    ("Southern Africa", (), -25.0, 25.0, "L", "RGN"),
    ("Sub-Saharan Africa", (), 0.0, 20.0, "L", "RGN"),
    ("Horn of Africa", (), 8.0, 46.0, "L", "RGN"),
    ("Sahel", (), 15.0, 5.0, "L", "RGN"),
    ("Sahara", ("Sahara Desert",), 23.0, 13.0, "L", "RGN"),
    ("Latin America", (), -5.0, -65.0, "L", "RGN"),
    ("Central America", (), 13.0, -86.0, "L", "RGN"),
    ("Americas", ("the Americas",), 15.0, -80.0, "L", "RGN"),
    ("Balkans", ("Balkan Peninsula",), 43.0, 21.0, "L", "RGN"),
    ("Caucasus", ("North Caucasus", "South Caucasus"), 42.5, 45.0, "L", "RGN"),
    ("Central Asia", (), 45.0, 68.0, "L", "RGN"),
    ("South Asia", (), 22.0, 78.0, "L", "RGN"),
    ("Southeast Asia", ("South-East Asia", "South East Asia"), 10.0, 110.0, "L", "RGN"),
    ("East Asia", (), 35.0, 115.0, "L", "RGN"),
    ("Scandinavia", (), 62.0, 15.0, "L", "RGN"),
    ("Eastern Europe", (), 50.0, 30.0, "L", "RGN"),
    ("Western Europe", (), 48.0, 5.0, "L", "RGN"),
    ("Northern Europe", (), 60.0, 15.0, "L", "RGN"),
    ("Southern Europe", (), 41.0, 15.0, "L", "RGN"),
    ("Korean Peninsula", (), 37.5, 127.5, "L", "PEN"),
    ("Arabian Peninsula", ("Arabia",), 23.0, 46.0, "L", "PEN"),
    ("Sinai Peninsula", ("Sinai",), 29.5, 33.8, "L", "PEN"),
    ("Levant", (), 34.0, 36.0, "L", "RGN"),
    ("Kurdistan", ("Kurdistan Region",), 37.0, 44.0, "L", "RGN"),
    ("Siberia", (), 60.0, 105.0, "L", "RGN"),
    ("Patagonia", (), -45.0, -69.0, "L", "RGN"),
    ("Amazon", ("Amazonia", "Amazon rainforest"), -3.0, -60.0, "L", "RGN"),
    ("Soviet Union", ("USSR", "U.S.S.R."), 55.0, 60.0, "L", "RGN"),
    ("Yugoslavia", (), 44.0, 20.0, "L", "RGN"),
    ("Mesopotamia", (), 33.0, 44.0, "L", "RGN"),
    ("Midwest", ("Middle West",), 41.0, -93.0, "L", "RGN"),
    ("New England", (), 43.5, -71.5, "L", "RGN"),
    ("Pacific Northwest", (), 46.0, -121.0, "L", "RGN"),
    # conflict areas and islands that are no admin unit of their own
    ("Darfur", (), 13.0, 25.0, "L", "RGN"),
    ("Eastern Ghouta", ("Ghouta", "East Ghouta"), 33.55, 36.42, "L", "RGN"),
    ("Golan Heights", ("Golan",), 33.0, 35.75, "L", "RGN"),
    ("Donbas", ("Donbass",), 48.0, 38.0, "L", "RGN"),
    ("South Ossetia", (), 42.3, 44.0, "L", "RGN"),
    ("Abkhazia", (), 43.0, 41.0, "L", "RGN"),
    ("Kashmir", (), 34.0, 76.0, "L", "RGN"),
    ("Nagorno-Karabakh", ("Karabakh",), 39.9, 46.7, "L", "RGN"),
    ("Sumatra", (), 0.0, 102.0, "T", "ISL"),
    ("Borneo", (), 1.0, 114.0, "T", "ISL"),
    ("Java", (), -7.5, 110.0, "T", "ISL"),
    ("Mindanao", (), 8.0, 125.0, "T", "ISL"),
    ("Oahu", (), 21.47, -157.98, "T", "ISL"),
    ("Maui", (), 20.8, -156.3, "T", "ISL"),
)

# Conflict places the packaged gazetteer lacks (camps, slums, small towns that news names often):
# (name, aliases, lat, lon, feature_class, feature_code, ISO alpha-2 country); points rounded.
LOCAL_PLACES: tuple[tuple[str, tuple[str, ...], float, float, str, str, str], ...] = (
    ("Kordofan", (), 12.5, 29.5, "L", "RGN", "SD"),
    ("Abu Shouk", ("Abu Shouk camp", "Abu Shok"), 13.66, 25.33, "S", "CMP", "SD"),
    ("Zamzam", ("Zamzam camp", "Zam Zam"), 13.48, 25.30, "S", "CMP", "SD"),
    ("Walikale", (), -1.42, 28.05, "P", "PPL", "CD"),
    ("Cité Soleil", ("Cite Soleil",), 18.58, -72.33, "P", "PPLX", "HT"),
    ("Catatumbo", ("Catatumbo region",), 8.7, -73.1, "L", "RGN", "CO"),
)

# Demonyms of the regions above (the packages know only countries' demonyms).
REGION_DEMONYMS = {"English": "England", "Scottish": "Scotland", "Scots": "Scotland", "Welsh": "Wales",
                   "Kurdish": "Kurdistan", "Kurds": "Kurdistan", "Kurd": "Kurdistan",
                   "Soviet": "Soviet Union", "Balkan": "Balkans", "Caribbean": "Caribbean Sea",
                   "Latin American": "Latin America",
                   "Central American": "Central America", "Middle Eastern": "Middle East",
                   "Arab": "Middle East", "Arabs": "Middle East", "South Ossetian": "South Ossetia",
                   "South Ossetians": "South Ossetia", "Abkhaz": "Abkhazia", "Abkhazian": "Abkhazia",
                   "Abkhazians": "Abkhazia", "Kashmiri": "Kashmir", "Kashmiris": "Kashmir",
                   "Darfuri": "Darfur", "Darfuris": "Darfur", "Siberian": "Siberia"}  # fmt: skip

# Country demonyms the packages lack or give a longer form of.
COUNTRY_DEMONYMS = {"Saudi": "SA", "Saudis": "SA", "Korean": "KR", "Koreans": "KR", "Kosovar": "XK",
                    "Kosovars": "XK", "Bosnian": "BA", "Bosnians": "BA", "Tajik": "TJ", "Tajiks": "TJ",
                    "Kyrgyz": "KG", "Uzbek": "UZ", "Uzbeks": "UZ", "Argentine": "AR", "Argentines": "AR",
                    "Congolese": "CD", "Ecuadorian": "EC", "Ecuadorians": "EC", "Danes": "DK", "Finns": "FI",
                    "Swedes": "SE", "Poles": "PL", "Turks": "TR", "Spaniards": "ES", "Frenchman": "FR",
                    "Britain's": "GB", "Vietnamese": "VN", "Lao": "LA", "Sri Lankan": "LK",
                    "Sri Lankans": "LK", "Sinhalese": "LK"}  # fmt: skip

# Representative points for countries whose packaged points (factbook point, outline centroid) lie far
# from the usual reference points (GeoNames', Wikipedia's), rounded to lie within reach of both where
# they differ, and for countries the packages give no point at all.
COUNTRY_POINTS = {"US": (39.76, -98.5), "CA": (60.0, -95.5), "AU": (-25.0, 134.0), "IN": (21.5, 78.5),
                  "CN": (35.0, 104.0), "RU": (60.0, 100.0), "BR": (-10.0, -55.0), "JP": (35.68536, 139.75309),
                  "GB": (54.75844, -2.69531), "CD": (-2.5, 23.5), "MX": (23.0, -102.0), "ID": (-5.0, 120.0),
                  "AR": (-34.0, -64.0), "ZA": (-29.0, 24.0), "KZ": (48.0, 68.0), "PS": (31.92157, 35.20329),
                  "XK": (42.58333, 21.0), "LY": (27.5, 17.0), "NO": (61.5, 9.0), "SD": (15.0, 31.0),
                  "NG": (9.0, 9.0), "MM": (22.0, 96.5), "CL": (-30.0, -71.0),
                  "TW": (24.4, 121.2)}  # fmt: skip

# Continents whose packaged point (an older GeoNames one) lies far from the current reference point.
CONTINENT_POINTS = {"North America": (54.8, -105.6)}

# Country names news uses that the packages lack.
COUNTRY_ALIASES = {"PS": ("Palestine", "Palestinian Territories", "Palestinian territories",
                          "State of Palestine", "Occupied Palestinian Territories"),
                   "XK": ("Kosovo",), "KR": ("Korea", "Republic of Korea"), "KP": ("DPRK", "D.P.R.K."),
                   "CZ": ("Czech Republic",), "MK": ("Macedonia",), "SZ": ("Swaziland",),
                   "CV": ("Cape Verde",), "TL": ("East Timor",),
                   "VA": ("Vatican City", "Holy See")}  # fmt: skip

# Regional short forms ("NSW", "Calif.") the admin layer spells only in full.
ADMIN_ALIASES = {"AU.02": ("NSW",), "AU.07": ("Vic.",), "AU.04": ("Qld",), "US.CA": ("Calif.", "Cal."),
                 "US.IN": ("Ind.",), "US.WV": ("W.Va.", "W. Va."), "US.DC": ("DC", "D.C."),
                 "US.NY": ("New York State",), "CA.02": ("B.C.",), "CA.05": ("N.L.", "Nfld."),
                 "CA.04": ("N.B.",), "CA.07": ("N.S.",), "CA.09": ("P.E.I.",), "CA.08": ("Ont.",),
                 "CA.10": ("Que.",), "CA.01": ("Alta.",), "CA.11": ("Sask.",)}  # fmt: skip

# Short forms of cities, by GeoNames id (cities500 lists no abbreviations).
CITY_ALIASES = {5368361: ("L.A.",), 5128581: ("NYC", "N.Y.C."), 4140963: ("D.C.",)}  # fmt: skip

# Geographic centres of large first-level units, where the middle of their towns' range sits far from
# the centre gazetteers use (Ontario's and Manitoba's towns crowd the south, Texas spans 1,200 km).
ADMIN_POINTS = {
    "US.AL": (32.75, -86.75), "US.AK": (64.0, -150.0), "US.AZ": (34.5, -111.5), "US.AR": (34.75, -92.5),
    "US.CA": (37.25, -119.75), "US.CO": (39.0, -105.5), "US.CT": (41.67, -72.67), "US.DE": (39.0, -75.5),
    "US.FL": (28.75, -82.5), "US.GA": (32.75, -83.5), "US.HI": (20.75, -156.5), "US.ID": (44.5, -114.25),
    "US.IL": (40.0, -89.25), "US.IN": (40.0, -86.25), "US.IA": (42.0, -93.5), "US.KS": (38.5, -98.5),
    "US.KY": (37.5, -85.25), "US.LA": (31.0, -92.0), "US.ME": (45.5, -69.25), "US.MD": (39.0, -76.75),
    "US.MA": (42.37, -71.85), "US.MI": (44.25, -85.5), "US.MN": (46.25, -94.25), "US.MS": (32.75, -89.75),
    "US.MO": (38.25, -92.5), "US.MT": (47.0, -109.5), "US.NE": (41.5, -99.75), "US.NV": (39.25, -116.75),
    "US.NH": (43.67, -71.5), "US.NJ": (40.17, -74.5), "US.NM": (34.5, -106.0), "US.NY": (43.0, -75.5),
    "US.NC": (35.5, -80.0), "US.ND": (47.5, -100.5), "US.OH": (40.25, -82.75), "US.OK": (35.5, -97.5),
    "US.OR": (44.0, -120.5), "US.PA": (40.75, -77.75), "US.RI": (41.75, -71.5), "US.SC": (34.0, -81.0),
    "US.SD": (44.5, -100.25), "US.TN": (35.75, -86.25), "US.TX": (31.25, -99.25), "US.UT": (39.25, -111.75),
    "US.VT": (44.0, -72.75), "US.VA": (37.5, -78.5), "US.WA": (47.5, -120.5), "US.WV": (38.5, -80.5),
    "US.WI": (44.5, -90.0), "US.WY": (43.0, -107.5),
    "CA.01": (54.6, -115.6), "CA.02": (54.0, -125.0), "CA.03": (55.0, -97.0), "CA.04": (46.5, -66.0),
    "CA.05": (52.0, -56.0), "CA.07": (45.0, -63.0), "CA.08": (49.25, -84.5), "CA.09": (46.33, -63.25),
    "CA.10": (52.0, -72.0), "CA.11": (54.0, -106.0), "CA.12": (63.0, -136.0), "CA.13": (64.8, -119.0),
    "CA.14": (66.0, -95.0),
    "AU.02": (-32.5, 146.5), "AU.03": (-19.5, 133.5), "AU.04": (-22.5, 144.0), "AU.05": (-30.0, 135.0),
    "AU.06": (-42.0, 146.6), "AU.07": (-37.0, 144.0), "AU.08": (-25.5, 122.0),
}  # fmt: skip
