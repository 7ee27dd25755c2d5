"""Legal forms of companies ("GmbH", "S.A.", "株式会社"): a vendor name carries one."""

from __future__ import annotations

import re

from docflow_worker.extraction.labels import IGN

SUFFIX_CORE = (
    r"(?:\b(?:inc|llc|l\.l\.c|ltd|limited|plc|llp|lp|corp|corporation|company|co|gmbh|ag|(?-i:KG)|"
    r"ohg|ug|e\.k|gbr|mbh|se|sarl|s\.a\.r\.l|sas|sasu|sa|s\.a|eurl|sprl|bvba|nv|n\.v|bv|b\.v|"
    r"s\.l|sl|slu|s\.r\.l|srl|spa|s\.p\.a|snc|pty|pvt|private|oy|oyj|ab|as|asa|a/s|aps|"
    r"kft|zrt|s\.r\.o|a\.s|sp\.\s*z\s*o\.o|ltda|eireli|k\.k|teoranta|lda|limitada|"
    r"s\.?\s?a\.?\s*de\s*c\.?\s?v|s\.?\s*de\s*r\.?\s?l|s\.?l\.?p|s\.?a\.?s|sagl|scarl|"
    r"pte|sdn\.?\s*bhd|bhd|g\.?k|i/s|ivs|d\.?o\.?o|spol|nyrt|ehf|enr|lt[ée]e|vof|v\.o\.f|"
    r"cvba|scrl|ggmbh|kgaa|uab|sia|p\.?c|pllc|og|e\.?u|sccl|s\.?coop|s\.?n\.?c|s\.?a\.?p\.?a|"
    r"s\.?\s?[àa]\.?\s?r\.?\s?l|s[àa]rl|s\.?a\.?u|s\.?l\.?u|s\.?l\.?l|s\.?a\.?s|s\.?c\.?s|"
    r"ltd\.?\s*[şs]ti|[şs]ti|a\.?\s?[şs]|sp\.?\s*j|sp\.?\s*k|s\.?c|sp\.?\s*z\s*o\.?\s*o|"
    r"k\.?s|v\.?o\.?s|d\.?d|d\.?o\.?o|ky|oy|ay|o[üu]|hf|bt|e\.?o\.?o\.?d|o\.?o\.?d|"
    r"e\.?v|e\.?g|partg(?:mbb)?|mbb|vzw|asbl|unipessoal|epp|cia|c[íi]a|cie|"
    r"jsc|ojsc|pjsc|tbk|co\.?,?\s*ltd|lllp|l\.?p|"
    r"α\.?ε|ε\.?π\.?ε|ι\.?κ\.?ε|ο\.?ε|ε\.?ε|ооо|ао|тов|еоод|оод|еад|ад|пат|прат|зао|пао|"
    r"оао|доо|ип|фоп)\b\.?|"
    r"(?:株式会社|有限会社|合同会社|\(株\)|㈱|주식회사|유한회사|\(주\)|㈜|"
    r"(?:股份)?有限公司)|&\s*co\b\.?|"
    r"&\s*(?:fils|sons|söhne|sohn|figli|hijos|zonen)\b|\(haftungsbeschr[äa]nkt\))"
)


LEGAL_SUFFIX = re.compile(SUFFIX_CORE + r"\s*$", IGN)


# Forms printed before the name ("SARL Boulangerie", "株式会社サクラ") or inside it ("& Sons").
LEGAL_PREFIX = re.compile(
    r"^(?:sarl|sas|sasu|eurl|sprl|srl|bvba|株式会社|有限会社|合同会社|\(株\)|㈱|ооо|pt\.?|"
    r"ооо|оао|зао|пао|ао|тов|пат|прат|ат|фоп|ип|еоод|оод|주식회사|유한회사|\(주\)|㈜|"
    r"c[ôo]ng\s*ty(?:\s*(?:tnhh|c[ổo]\s*ph[ầa]n))?)(?:\s|(?=[^\x00-\x7f]))|"
    r"&\s*(?:sons|söhne|sohn|fils|figli|hijos|zonen|co)\b",
    IGN,
)


def has_legal_form(text: str) -> bool:
    return LEGAL_SUFFIX.search(text) is not None or LEGAL_PREFIX.search(text) is not None
