# Canada: the all-numeric date standard (CSA Z234.5), e.g. 2012-04-04.
SHORT_DATE_FORMAT = "Y-m-d"
DATE_FORMAT = "F j, Y"
