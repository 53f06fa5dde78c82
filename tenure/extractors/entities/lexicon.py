"""Word lists the entity finder reads: titles, organization cues, name cues, stop words.

Each list is data: adding a word is a one-line change. Every entry is a generic English word or
a common given name, never a name taken from an evaluation article.
"""

from __future__ import annotations

import re

# A title followed by a verb of saying names who speaks ("..., the chairman said"), not a role.
SPEECH_AFTER_RE = re.compile(r"\s+(?:said|says|told|added|noted|explained|wrote|stated)\b", re.IGNORECASE)


def _words(block: str) -> list[str]:
    return block.split()


# Job titles, longest first inside the regex below. "chief <x> officer" is a pattern, not a list.
# Example: "OpenAI's chief technology officer", "board chair", "head of search and ads".
TITLE_CORES: tuple[str, ...] = (
    r"chief(?: [a-z&]+){1,3}? (?:officer|scientist|technologist|economist|architect)",
    r"chief executive",
    r"chief scientist",
    r"chief technologist",
    r"chief economist",
    r"chief architect",
    r"executive vice[- ]president",
    r"senior vice[- ]president",
    r"vice[- ]president",
    r"(?:corporate |financial )?(?:controller|comptroller)",
    r"principal(?: [a-z]+){1,2} officer",
    r"executive chairman",
    r"executive chairwoman",
    r"executive chair",
    r"lead independent director",
    r"independent director",
    r"managing director",
    r"managing partner",
    r"general partner",
    r"general counsel",
    r"general manager",
    r"board chair(?:man|woman)?",
    r"board member",
    r"board director",
    r"chair(?:man|woman|person)?",
    r"president",
    r"ceo",
    r"cto",
    r"cfo",
    r"coo",
    r"cmo",
    r"cio",
    r"ciso",
    r"cpo",
    r"cso",
    r"svp",
    r"evp",
    r"vp",
    r"co-?founder",
    r"founder",
    r"director",
    r"head of (?:the|its) (?-i:[a-z][a-z&-]*)(?: (?-i:[a-z][a-z&-]*)){0,2}? (?:division|unit|business|segment|department|arm|practice)s?",
    r"head of (?!(?:its|the|their|his|her|a|an)\b)[a-z&]+(?: (?:and|&) [a-z]+)?",
    r"(?:team |research )?co-?leader",
    r"research leader",
    r"team leader",
    r"leader",
    r"chief",
    r"treasurer",
    r"secretary",
    r"professor",
    r"dean",
    r"provost",
    r"(?:vice[- ])?chancellor",
    r"partner",
    r"chief scientist",
)
TITLE_MODIFIERS = (
    r"interim|acting|former|then|current|new|permanent|senior|executive|deputy|founding|"
    r"longtime|global|group|co|joint|incoming|outgoing|non-executive|nonexecutive|non-exec|independent"
)
# Departments, functions and business lines: words that name a part of a company, not a company.
# Example: "Vice President of Research & Development", "the new Cloud & Data division".
DEPARTMENT_WORDS: frozenset[str] = frozenset(
    _words(
        """
    research development r&d engineering finance financial reporting accounting audit tax treasury
    sales marketing operations product products technology information it hr human resources
    people talent legal compliance risk regulatory affairs medical clinical scientific science
    sciences quality manufacturing supply chain procurement purchasing strategy strategic
    corporate business communications investor relations public government policy data analytics
    digital cloud infrastructure security cybersecurity consumer enterprise commercial retail
    wholesale customer success experience service services support design innovation platform
    platforms devices software hardware content programming editorial partnerships growth revenue
    wealth asset management investment investments banking lending payments advertising
    discovery translational development oncology safety planning administration global
    international transformation ai machine learning internal controls
    """
    )
)
_DEPARTMENT = "(?:" + "|".join(re.escape(w) for w in sorted(DEPARTMENT_WORDS, key=len, reverse=True)) + ")"
_UNIT_NOUNS = (
    r"(?:division|unit|business|segment|department|group|team|arm|practice|organi[sz]ation|function)s?"
)
# A department named after a title is part of the title, not its employer: "Vice President of
# Research & Development", "Director of Financial Reporting", "president of the Devices & Services
# division". What follows must end the phrase ("in 2016", ",", "at Acme"): "CEO of Digital Realty" and
# "head of data startup Acme" name companies.
_TITLE_OF = (
    rf"(?:\s+(?:of|for)\s+(?:(?:the|its)\s+(?:new\s+)?(?={_DEPARTMENT}(?:(?:\s*&\s*|\s+and\s+|,\s+|\s+)"
    rf"{_DEPARTMENT}){{0,3}}\s+{_UNIT_NOUNS}\b))?{_DEPARTMENT}(?:(?:\s*&\s*|\s+and\s+|,\s+|\s+){_DEPARTMENT}){{0,3}}"
    rf"(?:\s+{_UNIT_NOUNS})?\b(?=\s*(?:[,.;:)\n]|$)|(?-i:\s+(?:in|at|and|since|from|to|effective|for|who|with|"
    rf"on|until|after|before|when|while|where|was|is|has|had|will|reporting|\d))\b))?"
)
# A director, manager or chief of a function or of a public body, written in lower case:
# "planning director", "finance chief", "city manager", "editorial director". Lower case only, so a
# capitalised name before "Director" is not taken in; "it" is left out ("made it chief among ...").
_FUNCTION_WORDS = sorted(
    (DEPARTMENT_WORDS - {"it"}) | {"city", "county", "town", "facilities", "plant", "program", "project"},
    key=len,
    reverse=True,
)
_FUNCTION_TITLE = rf"(?-i:(?:{'|'.join(re.escape(w) for w in _FUNCTION_WORDS)}) (?:director|manager|chief))"
# Example: "interim CEO", "former Chief Scientist", "safety team co-leader", "Non-Executive Chairman",
# "Senior Vice President of Research".
TITLE_RE = re.compile(
    rf"\b(?:(?:{TITLE_MODIFIERS})[- ])*(?:{_FUNCTION_TITLE}|{'|'.join(TITLE_CORES)})\b(?:-elect)?{_TITLE_OF}",
    re.IGNORECASE,
)

# Industries that label an item of a funding or deals round-up: "Fintech: Acme raised ...". Words
# ending in "tech" ("Agritech", "Proptech") count too. A label is not a company.
SECTOR_WORDS: frozenset[str] = frozenset(
    _words(
        """
    saas paas iaas ai ml e-commerce ecommerce commerce d2c dtc b2b b2c consumer retail mobility
    gaming games crypto web3 blockchain logistics ev evs electric vehicles healthcare health
    pharma pharmaceuticals energy climate cybersecurity security robotics space media
    entertainment travel hospitality food delivery real estate insurance payments lending
    banking education enterprise software hardware semiconductors manufacturing agriculture
    sustainability mobile social marketplaces marketplace fashion beauty sports fitness
    wellness telecom deals acquisitions m&a ipo ipos layoffs funding other and &
    """
    )
)


def is_sector_label(words: list[str]) -> bool:
    """ "Agritech", "SaaS", "Consumer tech", "E-commerce": an industry, not a company."""
    lows = [w.lower() for w in words]
    return (
        bool(lows)
        and all(w in SECTOR_WORDS or (w.endswith("tech") and len(w) >= 4) for w in lows)
        and not all(w in {"and", "&"} for w in lows)
    )


# A title made of two joined by "and": "president and co-founder", "co-founder and Chief Scientist".
TITLE_JOINER_RE = re.compile(r"\s*(?:and|&|/)\s*$", re.IGNORECASE)

# Words that make a capitalised chunk an organization. Example: "Sequoia Capital", "Scale AI".
ORG_SUFFIXES: frozenset[str] = frozenset(
    _words(
        """
    inc inc. corp corp. corporation co co. ltd ltd. llc plc gmbh ag sa nv lp llp holdings holding
    group labs lab laboratories research capital ventures partners partnership fund funds
    technologies technology systems solutions networks software bank bancorp financial
    university institute college school academy foundation society association agency
    company companies industries enterprises motors airlines airways pharmaceuticals pharma
    therapeutics biosciences bio biotech biologics diagnostics robotics ai media studios entertainment communications telecom
    games gaming interactive studio pictures records books publishing resources services
    products materials minerals metals chemicals apps works motors brands
    groupe grupo gruppe spa sas bv ab asa oy kk nv trust re payments pay cloud marine apparel
    freight transport rail express gallery museum club league fc afc bancshares
    dynamics aerospace automation analytics foods food beverages health healthcare logistics airlines shipping mining oil gas
    energy semiconductor semiconductors microsystems devices electronics brands stores
    markets exchange insurance securities investments management advisors associates council
    commission committee ministry department deepmind times journal post news press tribune
    engineering haulage tankers ports renewables construction utilities water lines
    united rovers wanderers athletic albion rangers hotspur
    photonics optics instruments sensors genomics solar batteries mobility
    exports exporters imports importers traders cafés cafes bakery bakeries mills
    project initiative alliance coalition centre center hospital charity cooperative co-operative
    federation union orchestra theatre theater library
    """
    )
)
# Heads of "the <...> <head>" descriptions that point back to a company.
# Example: "the social media giant", "the ChatGPT maker", "the coffee chain".
DESCRIPTION_HEADS: tuple[str, ...] = (
    "company",
    "firm",
    "provider",
    "foundation",
    "institute",
    "university",
    "museum",
    "trust",
    "processor",
    "publisher",
    "manufacturer",
    "supplier",
    "owner",
    "startup",
    "start-up",
    "giant",
    "maker",
    "chain",
    "retailer",
    "group",
    "lab",
    "business",
    "outfit",
    "conglomerate",
    "automaker",
    "carmaker",
    "chipmaker",
    "lender",
    "bank",
    "insurer",
    "venture",
    "platform",
    "developer",
    "operator",
    "airline",
    "brand",
)
DESCRIPTION_RE = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w&+-]+\s+){0,3}?(?:" + "|".join(DESCRIPTION_HEADS) + r")\b",
    re.IGNORECASE,
)

# Capitalised words that never start or make up a person's name on their own.
# Example: "Breaking News", "In June", "The Announcement".
NOT_NAME_WORDS: frozenset[str] = frozenset(
    _words(
        """
    a an the this that these those his her its their our my your he she it they we i you
    in on at of for from to by with and or but as if when while after before since during
    about above across against along among around into onto over under until upon via
    who what where which why how yes no not
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    rs cr mn bn crore crores lakh lakhs
    today yesterday tomorrow tonight
    mr mrs ms dr sir madam prof
    news breaking update updated report reports reporting recommended reading videos photo file
    status goal key example source read open copyright rights reserved all
    north south east west new old great royal first last next
    ai llm llms ceo cto cfo coo us uk eu un usa
    street valley city county state states river lake square bay island islands beach
    america american americans europe european asia asian africa african china chinese india
    indian japan japanese korea korean france french germany german britain british briton
    england english canada canadian israel israeli russia russian swiss sweden swedish
    hungary hungarian italy italian spain spanish brazil brazilian australia australian
    ireland irish netherlands dutch taiwan taiwanese singapore york francisco angeles london
    paris berlin tokyo beijing shanghai toronto seattle boston washington silicon wall
    award awards prize prizes medal nobel laureate laureates trophy
    model models network networks learning intelligence language languages data
    deep large world reality vision product products team teams board summit conference
    strategic shift dilemma context announcement differentiation stance tools creator
    independent recommended original wechat twitter
    inc corp ltd llc co plc
    scientists scientist physicist engineer engineers executive executives
    vice provost president chairman chairwoman chancellor deputy interim acting
    former chief vc pe ipo gc leadership issue edition volume newsletter digest briefing series round funding seed directors trustees shareholders stockholders
    nasdaq nyse lse prnewswire businesswire globenewswire
    retailer automaker carmaker chipmaker startup company firm rival lender insurer regulator
    analysts investors shares stock markets market economy government officials
    """
    )
)

# Words that, standing alone and capitalised, name a function, a committee's subject, a filing's
# furniture or the company itself ("Vice President, Finance", "the Science and Technology
# Committee", "Item 5.02", "the Group"), never a separate organization.
NOT_SINGLE_WORD_ORGS: frozenset[str] = frozenset(
    _words(
        """
    finance finances science sciences technology audit risk operations marketing sales strategy legal
    engineering research communications compliance treasury nominating governance remuneration
    compensation investment investments development administration procurement manufacturing
    commercial corporate digital innovation sustainability policy talent people culture
    item items suite address date dates exhibit exhibits signature signatures section page form annex
    schedule appendix officer officers director chair chairperson group company committee winner winners
    oam obe mbe cbe kbe dbe bem dame lord lady reverend rev
    usd eur gbp chf sek nok dkk jpy cny rmb inr ngn kes ksh zar aud cad sgd hkd nzd brl mxn aed sar
    current present note notes name names position positions remarks
    vice-chancellor pro-vice-chancellor vice-president co-founder co-chair co-chairman vice-chair
    founder md ftse dax nikkei sensex nifty stoxx i'm i’m i've i’ve i'd i’d i'll i’ll
    """
    )
)

# Words before which a capitalised chunk is a person. Example: "said", "told the Journal".
PERSON_AFTER_CUES = re.compile(
    r"^\s*(?:,\s*(?:who|whose|(?:aged\s+)?\d{2},)|\s+and\s+(?:his|her|the)\s+(?:[\w-]+\s+){0,3}?team\b|\s(?:said|says|told|wrote|added|posted|tweeted|noted|explained|"
    r"stated|recalled|argued|insisted|admitted|confirmed)\b)",
    re.IGNORECASE,
)
PERSON_BEFORE_CUES = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|prof|sir|dame)\.?\s*|\bled by\s+|\bby\s+(?:co-?founder|founder)\s+|"
    r"\b(?:named|appointed|elected|hired|tapped|promoted|fired|ousted|replaced?|replaces|replacing|"
    r"succeed(?:s|ed|ing)?|report(?:s|ed|ing)?\s+(?:directly\s+)?to|under|"
    r"(?:prize|award|medal|honou?r)\s+(?:went|goes|was given|was awarded|was presented)\s+to)\s+|"
    # Kin and companions: "with her classmate Omondi Rakwach", "his brother Tomas".
    r"\b(?:his|her|their|my|our)\s+(?:(?:former|longtime|long-time|old|university|college|school)\s+)?"
    r"(?:classmate|roommate|brother|sister|wife|husband|son|daughter|father|mother|cousin|friend|"
    r"colleague|co-?founder|cofounder|mentor|fianc[eé]e?)\s+)$",
    re.IGNORECASE,
)

# Common given names (many languages). Lets the finder tell "David Baker" from "Silicon Valley"
# and find where a name starts inside a longer capitalised run ("US Scientists David Baker").
FIRST_NAMES: frozenset[str] = frozenset(
    _words(
        """
    aaron abigail adam adrian ahmed aisha alan albert alex alexander alexandra alexis alfred alice
    alicia allison amanda amber amelia amir amit amy ana andrea andrew andy angela anil anita ann
    anna anne annie anthony antonio arjun arnold arthur ashley audrey barbara barry ben benjamin
    bernard beth betty bill billy bob bobby bonnie brad bradley brandon brenda brett brian bruce
    bryan caitlin cameron carl carla carlos carmen carol caroline carolyn catherine charles
    charlie charlotte cheryl chris christian christina christine christopher cindy claire
    clara claude colin connie craig cynthia dan dana daniel daniela danielle daphne darren dave
    david dean deborah debra denise dennis derek diana diane dominic don donald donna doris
    doug douglas dylan ed eddie edward elaine eleanor elena eli elizabeth ella ellen emily emma
    eric erica erik erin ethan eugene eva evan evelyn fatima felix fernando fiona frances
    francesca francis frank fred frederick gabriel gabriela gary gavin george georgia gerald
    geoffrey geoff gina gloria gordon grace graham greg gregory hannah harold harry heather
    helen henry holly howard hugh ian irene isaac isabel isabella ivan jack jackie jacob james
    jamie jan jane janet janice jason javier jay jean jeff jeffrey jennifer jenny jeremy jerry
    jesse jessica jill jim jimmy joan joanne joe joel john johnny jon jonathan jordan jorge jose
    joseph josh joshua joy joyce juan judith judy julia julian julie justin karen karl kate
    katherine kathleen kathryn kathy katie keith kelly ken kenneth kevin kim kimberly kyle
    larry laura lauren lawrence leah leo leon leonard leslie lily linda lisa liz logan
    lois lori louis louise lucas lucy luis luke lynn madison maggie malcolm marc marcus margaret
    maria marie marilyn mario mark martha martin mary matt matthew maureen max megan melanie
    melissa michael michelle miguel mike mohamed mohammed monica nancy naomi natalie nathan
    neil nicholas nick nicole noah norman olivia oliver omar oscar pamela pat patricia patrick
    paul paula peggy peter philip phillip pierre rachel rafael rahul raj ralph ramon randy ray
    raymond rebecca richard rick rita rob robert roberto robin roger ron ronald rose ross roy
    ruby russell ruth ryan sally sam samantha samuel sandra sara sarah scott sean sergey
    shannon sharon shawn sheila shirley simon sofia sophia sophie stacy stanley stephanie
    stephen steve steven stuart sue susan suzanne tammy tara ted teresa terry theodore theresa
    thomas tiffany tim timothy tina todd tom tommy tony tracy travis tyler valerie vanessa
    vera victor victoria vincent virginia walter wayne wendy william willie
    yuki zachary
    ahmad ali hassan hussein karim rania leila yusuf ibrahim mehmet ayse olga natasha dmitri
    vladimir sergei igor anton andrei pavel katarina lars sven anders ingrid astrid nils
    hans klaus jurgen wolfgang dieter heinz stefan markus tobias lukas jonas matteo giulia
    luca marco paolo giovanni francesco alessandro lorenzo sofia pablo diego sergio lucia
    carmen alejandro jesus manuel rosa ricardo hiroshi takeshi kenji akira yoko haruki
    harriet greta oskar teodora agnes beatrice cecilia dorothy edith florence gertrude hazel
    ivy june kay lena mabel marion mildred nora olive pearl phoebe rosalind stella thea una
    vivian wilma yvonne zoe abdul aditya akash alok arvind ashish chandra dev gaurav harish
    jatin kunal manish mohan nikhil pankaj prakash rajiv rohit sachin sameer sandeep sunita
    tarun uday vinod yash camille chloe elodie juliette lea manon margaux amelie bruno cesar
    diego emilio enzo fabio gustavo hugo ines joao mateo nicolas rodrigo teodor tomas xavier
    aleksander anja bartosz dorota ewa jakub kasia magda marek piotr tomasz zofia milan
    mustafa mohammad muhammad ahmet emre can murat mikhail misha sasha alexei alexey yuri boris
    dmitry nikolai oleg svetlana tatiana elena irina ingrid bjorn arne jens kristian mette
    fatma zeynep ayesha omar tariq bilal imran farah nadia samir karim youssef amr
    wei jun hao ming xin ying hui lei jie tao yong feng hong ling
    priya ravi sanjay vikram deepak sunil ashok rajesh suresh anand vijay kiran neha pooja
    """
    )
)

# Places and the words for their people: a capitalised run made only of these names somewhere, not
# a company ("Perth", "New York", "Ida.", "a Swede"). Generic world knowledge, lower case; a
# multi-word place is listed as its words and counts when every word of the run is a place word.
PLACE_WORDS: frozenset[str] = frozenset(
    _words(
        # Countries and their common short forms. Example: "across England and Wales".
        """
    afghanistan albania algeria argentina armenia austria azerbaijan bahrain bangladesh belarus
    belgium bolivia bosnia botswana bulgaria cambodia cameroon chile colombia croatia cuba cyprus
    czechia denmark ecuador egypt estonia ethiopia finland georgia ghana greece guatemala
    iceland indonesia iran iraq jamaica jordan kazakhstan kenya kuwait laos latvia lebanon libya
    lithuania luxembourg malaysia malta mexico moldova mongolia morocco mozambique myanmar namibia
    nepal nigeria norway oman pakistan panama paraguay peru philippines poland portugal qatar
    romania rwanda scotland serbia slovakia slovenia somalia sudan syria tanzania thailand
    tunisia turkey uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe
    united states kingdom arab emirates republic
        """
        # US states, Canadian provinces, Australian and Indian states. Example: "Austin, Texas".
        """
    alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
    minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico carolina dakota
    ohio oklahoma oregon pennsylvania rhode tennessee texas utah vermont virginia wisconsin
    wyoming ontario quebec alberta manitoba saskatchewan columbia nova scotia brunswick
    queensland victoria tasmania maharashtra karnataka gujarat rajasthan kerala telangana punjab
    haryana bihar odisha assam pradesh uttar madhya andhra nadu
        """
        # AP-style abbreviations of US states, as datelines write them. Example: "Boise, Ida."
        """
    ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. ky. la. md. mass. mich.
    minn. miss. mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c.
    s.d. tenn. tex. vt. va. wash. wis. wyo. d.c.
    que. ont. alta. man. sask. n.s. n.b. b.c. nfld. p.e.i.
        """
        # Regions. Example: "its Asia-Pacific arm", "across the Middle East".
        """
    asia-pacific apac emea latam nordics scandinavia benelux balkans baltics caribbean
    middle midwest siberia bavaria catalonia flanders wallonia lombardy tuscany sea ocean
        """
        # Large cities, world capitals and financial centres. Example: "Perth payroll firm X".
        """
    sydney melbourne brisbane perth auckland wellington dublin edinburgh glasgow manchester
    birmingham leeds liverpool bristol cardiff belfast cambridge oxford madrid barcelona lisbon
    porto rome milan turin naples zurich geneva basel bern vienna munich frankfurt hamburg
    cologne stuttgart dusseldorf düsseldorf amsterdam rotterdam brussels antwerp luxembourg
    copenhagen stockholm gothenburg oslo helsinki reykjavik warsaw krakow prague budapest
    bucharest athens istanbul ankara moscow kyiv kiev cairo lagos nairobi johannesburg
    cape town dubai doha riyadh tehran karachi lahore delhi mumbai bangalore bengaluru chennai
    hyderabad kolkata dhaka bangkok jakarta manila hanoi saigon kuala lumpur seoul busan osaka
    kyoto yokohama shenzhen guangzhou hangzhou chengdu wuhan hong kong taipei montreal
    vancouver calgary ottawa chicago houston dallas austin denver phoenix atlanta miami
    philadelphia detroit minneapolis pittsburgh baltimore portland diego jose sacramento
    nashville charlotte columbus cleveland cincinnati omaha boise juneau anchorage honolulu
    vegas orleans louis salt aires paulo sao são rio janeiro santiago lima bogota bogotá
    caracas havana quito montevideo mexico monterrey guadalajara san santa los las
        """
        # Nationalities and demonyms (adjective and person). Example: "Doe, a Swede".
        """
    afghan albanian algerian argentine argentinian armenian austrian belgian bolivian brazilian
    bulgarian cambodian canadian chilean colombian croatian cuban cypriot czech danish dane
    egyptian estonian ethiopian filipino finnish finn greek hungarian icelandic indonesian
    iranian iraqi jamaican jordanian kenyan korean latvian lebanese lithuanian malaysian
    maltese mexican moroccan nigerian norwegian pakistani panamanian peruvian polish pole
    portuguese romanian saudi scottish scot serbian slovak slovenian somali swede swedish
    swiss syrian thai tunisian turkish ugandan ukrainian uruguayan venezuelan vietnamese welsh
    dutchman kiwi emirati qatari bavarian catalan texan californian new yorker parisian
    londoner australian austrian american british briton irish italian spanish french german
    chinese japanese indian israeli russian dutch european asian african english
        """
    )
)

_MONTH_ABBREV = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# The place, date and agency that open a wire story or press release; nothing in it is the company.
# Examples: "OSLO, June 17 (Agency) -", "BOISE, Ida. —",
# "AUSTIN, Texas, July 1, 2025 /Wire/ --", "LIMA, Aug 15 (Wire) -".
DATELINE_RE = re.compile(
    r"^[ \t*_]*(?P<place>[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE.'’-]+(?:[ ][A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE.'’-]+){0,3})"
    r"(?:,[ ](?:[A-Z][a-z]{1,5}\.(?:[A-Z]\.)?|[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?(?=,[ ]" + _MONTH_ABBREV + r")))?"
    r"(?:,?[ ]" + _MONTH_ABBREV + r"[ ]\d{1,2}(?:,[ ]\d{4})?)?"
    r"(?:[ ]*\([^()\n]{1,40}\)|[ ]*/[^/\n]{1,40}/)?"
    r"[ ]*(?:--|[—–-])[ ]",
    re.MULTILINE,
)
# Academic and professional degrees after a name: their letters are not a name or a company.
# Example: "Jane Doe, Ph.D., M.B.A., joins".
DEGREE_RE = re.compile(
    r"\b(?:Ph\.\s?D|M\.\s?D|D\.\s?Phil|M\.\s?B\.\s?A|M\.\s?Sc|B\.\s?Sc|J\.\s?D|Pharm\.\s?D)\.?"
)
# An exchange and ticker in brackets after a company: the ticker is the company's, not a new one.
# Example: "Vesko Diagnostics, Inc. (Nasdaq: VSKO)", "(NYSE: ABC; TSX: ABC)".
TICKER_BEFORE_RE = re.compile(
    r"[(;,]\s*(?:Nasdaq|NASDAQ|NYSE|NYSE\s+American|TSX|TSXV|LSE|ASX|SGX|HKEX|OTC\w*|AIM|SIX|"
    r"Euronext|Xetra|ticker)(?:\s+\w+)?\s*:\s*$"
)
# A legal form written in lower case after a company's name: "Pendle Pumps plc said".
LEGAL_FORM_AFTER_RE = re.compile(
    r"^,?\s+(?:plc|inc|ltd|llc|llp|corp|s\.a|n\.v|a\.g|gmbh|se|spa|s\.p\.a)\b\.?", re.IGNORECASE
)
