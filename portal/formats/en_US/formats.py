# United States: dates like 4/4/2012 (the manufacturer's "Last update" style).
SHORT_DATE_FORMAT = "n/j/Y"
DATE_FORMAT = "F j, Y"
