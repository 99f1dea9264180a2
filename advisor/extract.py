"""Find every interview answer a message states, each with the words that state it.

Learners say several things at once: "Hi! I'm a registered nurse, I can do about 3
hours a week, budget around 200 dollars, online only, and I want to move into
healthcare management" answers five questions. The message is cut into clauses and
each clause is offered to the answers it has the words for; a figure needs its cue
("3" alone could be hours or dollars, "3 hours a week" cannot). The result maps an
interview slot to the text that answers it; the interview's own parsers
(:mod:`advisor.answers`) turn that text into a value, so there is one reading of each
answer whether it came alone or in a long message.

Pure functions of the text: no catalog, no Rasa.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from advisor import answers
from advisor.normalise import clean, tidy
from index.places import STATE_NAMES, gazetteer, state_code, towns_named
from index.text import STOPWORDS

GOAL = "goal"
BACKGROUND = "background"
HOURS = "hours_per_week"
DEADLINE = "deadline_weeks"
BUDGET = "budget"
MODE = "mode"
PACE = "pace"
CREDIT = "credit"
LOCATION = "location"

# Sentence ends, semicolons and commas separate answers; "and"/"but"/"also" do when
# they start a new statement ("..., and I want to ..."), not inside a list of skills
# ("Excel and SQL") or of modes ("online and self-paced").
_SENTENCE = re.compile(
    # "2 nights a week, ~3 hrs each": the hours of each night finish the same answer.
    r"(?<=[.!?;])\s+|\n+|\s*;\s*|,(?!\d{3}\b)"
    r"(?!\s*~?\d+(?:\.\d+)?\s*(?:hours?|hrs?|h) (?:each|per))\s*|\s+-\s+|\s*[()]\s*|"
    r"\s*[\U0001F000-\U0001FAFF\u2600-\u27BF]+\s*"
)
_NEW_STATEMENT = re.compile(
    # "i used to be a bank teller … and now i want to do bookkeeping": what was, then the wish
    r"\s+(?:and|but|also|plus|so)\s+(?=(?:now\s+)?(?:i|i'm|im|i'd|id|i've|ive|my|it|its|it's|budget|"
    r"ideally|"
    r"preferably|money|time|want|wanna|need|needs|spend|pay|can|could|would|has to|have to|"
    r"live|based|they|he|she|we)\b)|"
    # A run-on with no comma: "welding class near lubbock budget 2k wanna start asap can do
    # 16 hrs a week im a mechanic" states four things.
    r"(?<=\w)(?<!my)(?<!the)(?<!our)(?<!his)(?<!her)(?<!total)\s+(?=(?:budget\s+(?:is\s+)?"
    r"(?:\$|\d)|wanna start|can do \d|(?:im|i'm|i am) an? |"
    r"i live in |i work (?:at|as|in|for) ))|"
    # Spanish: "… en Irving y quiero aprender …", and a sentence begun without a full stop
    # ("… de oficina Puedo estudiar 5 horas").
    r"\s+y\s+(?=(?:quiero|puedo|tengo|soy|vivo|trabajo|necesito|me|mi|prefiero)\b)|"
    r"(?<=[a-záéíóúñ])\s+(?=(?-i:Puedo|Tengo|Soy|Vivo|Trabajo|Quiero|Necesito|No|Me|Mi|Prefiero|"
    r"Presencial|Solo|Busco)\b)",
    flags=re.IGNORECASE,
)
_GREETING = re.compile(
    r"^(?:hi+|hello+|hey+|hiya|howdy|yo|good (?:morning|afternoon|evening|day)|greetings|"
    r"thanks?(?: you)?|cheers|ok(?:ay)?|so|well|um+|uh+|please)(?:\s+there)?[\s!.,]*$",
    flags=re.IGNORECASE,
)

# Words that say where the learner wants to go, above the words that only name a kind
# of learning ("classes", "training"): "want to be a dental assistant" is the goal of
# "…want to be a dental assistant, i need in person classes".
STRONG_GOAL_CUES = re.compile(
    r"\b(?:wants?|wanting|wanna|would like|'d like|hoping to|trying to|aiming to|planning to|"
    r"thinking (?:about|of)|interested in|looking (?:for|to|into|at)|become|becoming|"
    r"get into|getting into|move into|moving into|break into|switch(?:ing)? (?:to|into)|"
    r"transition(?:ing)? (?:to|into)|pivot(?:ing)? (?:to|into)|career (?:in|as|change)|"
    r"how (?:do|can|could|would|should|might) i|what (?:should|do|would|must|can) i|"
    r"^how to (?:be|become) (?:a|an|the|better)\b|"
    r"how (?:do|does|can|would) (?:you|one|people|someone|somebody) (?:get|become|start|break)|"
    r"learn(?:ing)?|stud(?:y|ying)|teach me|help me|recommend|suggest|upskill|reskill|"
    r"get better at|improve my|brush up|"
    r"(?:could|would|might) be (?:a |my )?(?:good )?(?:thing|fit|path|career|option) for me)\b",
    flags=re.IGNORECASE,
)
# Words that say a clause is about where the learner wants to go.
GOAL_CUES = re.compile(
    # "i love it", "i like my job" say how the learner feels, not where they want to go.
    r"\b(?:i(?:'d| would)? (?:want|wanna|like|love|hope|need|plan|aim|mean)"
    r"(?! (?:it|that|this|my (?:job|work|boss|team))\b)|wants?|wanna|"
    r"i(?:'d| would) rather (?:do|learn|study|go (?:into|for)|try|be)|"
    r"(?:trying|hoping|aiming|planning) to|looking at|"
    r"i(?:'m| am) (?:looking|trying|hoping|interested|keen|aiming|planning|thinking)|"
    r"(?:i'?ve|ive|i have) been (?:thinking|looking|considering|wanting|meaning)|"
    r"(?:fastest|quickest|best|easiest|cheapest) way (?:to (?:get|learn|become|start|pass|break)|"
    r"in ?to)|^(?:need|needs|gotta get|have to get|must get)\s+(?:my|a|an|the|to)\b|"
    r"^(?:get|getting|earn|pass)\s+(?:my|a|an|the)\b|"
    r"quiero (?:aprender|ser|estudiar|sacar|trabajar|hacer)|me interesa|me gustar[ií]a|"
    r"c[oó]mo (?:saco|obtengo|consigo|me hago|puedo (?:sacar|ser|obtener))|clases? de|cursos? de|"
    r"(?:should|could|might) (?:look into|get into|try|consider|check out|do|get|take|go for)\b|"
    r"(?:^|so |now |been |am |im |i'm )thinking\b|"
    r"(?:can|could) we (?:look at|try|do|switch to|go with|check out)|let'?s (?:look at|try|do|"
    r"switch to|go with)|lets (?:look at|try|do|switch to|go with)|"
    r"necesito (?:aprender|estudiar|sacar|mejorar)|busco (?:un |una )?(?:curso|clase)|"
    r"how (?:do|can|could|would|should|might) i|what (?:should|do|would|must|can) i|"
    r"^how to (?:be|become) (?:a|an|the|better)\b|"
    r"how (?:do|does|can|would) (?:you|one|people|someone|somebody) (?:get|become|start|break)|"
    r"licen[cs]e[ds]?|certs?|"
    # "the security team lead said if i get sec+ theres a spot for me": what would earn it.
    r"\b(?:said|says|told me)\b[^.;!?]{0,20}\bif i (?:get|got|pass|earn|had|have) "
    r"(?:my |the |a |an )?(?!(?:it|them|that|this|one|those|these|some)\b)(?=[\w+#])|"
    r"(?:could|would|might) be (?:a |my )?(?:good )?(?:thing|fit|path|career|option) for me|"
    # "Is medical billing and coding a good career?": the field asked about is the goal.
    r"^(?:is|would|does)\s+[\w\s&/+-]{2,50}?\s+(?:be\s+|make\s+)?(?:a\s+)?(?:good|decent|smart|"
    r"solid|viable|stable|worthwhile|realistic)\s+(?:career|field|job|path|option|choice|move|"
    r"trade)|"
    r"(?:which|what) (?:courses?|skills?|certificat\w*|training|classes?)|"
    r"looking (?:for|to|into)|interested in|help me|teach me|show me|recommend|suggest|"
    r"become|becoming|get into|getting into|move into|moving into|break into|"
    r"switch(?:ing)? (?:to|into|careers?)|transition(?:ing)? (?:to|into)|pivot(?:ing)? (?:to|into)|"
    r"career (?:in|as|change)|upskill|reskill|"
    r"courses?|class(?:es)?|training|workshop|bootcamp|program(?:me)?s?|"
    r"learn(?:ing)?|stud(?:y|ying)|certif\w*|qualif\w*|get better at|improve my|brush up|"
    r"going for|(?:prepping|preparing|studying) for|"
    # "go to farrier school and shoe horses for a living", "do hair for a living"
    r"go (?:to|back to) (?:[\w-]+ ){1,3}school|"
    # Said in Spanish: "quiero aprender inglés", "quiero ser CNA", "necesito mi CDL".
    r"quiero|quisiera|necesito|me gustar[ií]a|aprender|estudiar)\b",
    flags=re.IGNORECASE,
)
# Words that say a clause is about what the learner already has.
BACKGROUND_CUES = re.compile(
    r"^(?:already |also )?know\b|"  # "know docker basics", the "I" left out
    r"\b(?:i (?:already |currently |now |still )?(?:know|use|used|did|do|have done|'ve done|"
    r"studied|worked|work)|"
    # A job held or done: "i was a line cook for 15 years", "been a cna 3 yrs", "been doing
    # warehouse work at amazon", "i drive uber full time", "i bartend in austin".
    r"(?:^|i |and |ive |i've )(?:was|been) (?:a|an) [a-z]+|been (?:doing|working)|"
    r"used to (?:be|work)|"
    r"i (?:drive|bartend|waitress|wait tables|babysit|nanny|deliver|clean) |"
    r"for (?:the (?:last|past) )?(?:\d+|a few|few|several|many)\+? ?(?:years?|yrs?)\b|"
    r"\d+\+? ?(?:years?|yrs?) ago|"
    r"retired (?:from|after)|soy (?:un |una )?\w+|trabajo (?:en|de|como|limpiando|\w+ando)|"
    r"fui (?:un |una )?\w+|"
    # "i stock shelves at a pharmacy", "i clean rooms for the hospital": the work done.
    r"i (?!(?:want|wanna|need|would|like|love|hope|plan|am|will|can|could|should|must|gotta|"
    r"have|had|wish|intend|mean|go|learn|study|take|get)\b)[a-z]+ (?:[a-z]+ ){0,2}"
    r"(?:at|for|in) (?:a|an|the|my|our) (?:\w+ )?(?:pharmacy|hospital|clinic|store|shop|"
    r"warehouse|school|office|restaurant|bank|factory|plant|hotel|company|firm|site|center|"
    r"centre|kitchen|lab|salon|garage|farm|daycare|nursing home|call center)|"
    r"i (?:make|run|own|manage|draw|design|teach|fix|build|write|sell|cook|take care of)|"
    r"i've (?:used|done|worked|got|been|learned|learnt|studied|taken)|i have (?:a |an |some )?"
    r"(?:degree|diploma|experience|background|certificate|basics?)|"
    r"experience (?:in|with)|background in|familiar with|comfortable with|good at|"
    r"years? (?:of|in|as)|degree in|graduated|nothing yet|none|no experience|from scratch|"
    r"complete beginner|total beginner|beginner|newbie|basic knowledge|some knowledge|"
    # "background is 5 yrs in marketing", "got laid off from the plant", "i have an AA in
    # business and work as an AP clerk", "currently: ops coordinator", "data analyst already"
    r"(?:my )?background is|laid off|and work (?:as|at|in)|currently:|"
    # "im 45 work as cashier at shoprite": the job, the "i" left out
    r"^(?:(?:i'?m|im|i am) \d{2},? )?work(?:ing)? (?:as|at) |"
    # "no prior exp", "working nights at amazon"
    r"no (?:prior |previous |real |work )?(?:exp|experience)|"
    r"^working (?:nights |days |weekends |evenings |overnights? |full[- ]?time |part[- ]?time )?"
    r"(?:at|for|in) |"
    r"i have (?:an? )?(?:aa|as|ba|bs|aas|associates?|bachelors?|masters?|ged)|"
    r"i have (?:like |about |around |maybe |some )?(?:\d+ )?(?:old |prior |college )?credits|"
    r"antes trabajaba|trabajaba (?:en|de|como)|trabaj[eé] (?:\d+ |muchos |unos )?a[ñn]os|"
    # "tengo una compañia de limpieza": the learner's own business
    r"tengo (?:una?|mi|mis) (?:propia |peque[ñn]a )?(?:compa[ñn][ií]a|negocio|empresa|tienda|"
    r"restaurante|taller|salon|sal[oó]n)s?)\b|"
    r"^\W*[a-z]+(?: [a-z]+)? already\W*$",
    flags=re.IGNORECASE,
)
_CURRENT_ROLE = re.compile(
    r"^(?:hi[\s!,.]+|hello[\s!,.]+|hey[\s!,.]+)?(?:(?:i'?m|im|i am) (?:working|employed) "
    r"(?:full[- ]?time |part[- ]?time )?as|i'?m|i am|im|i (?:currently |now )?work as|"
    r"i'?ve been working as|"
    r"working as|currently)\s+(?:an?\s+|the\s+)?(?P<role>[a-z0-9][\w\s/&'-]{1,60})$",
    flags=re.IGNORECASE,
)
# How openings introduce a job without "I'm a": "bartender here", "receptionist at a
# clinic here", "warehouse guy w/ a forklift ticket", "laid off from my line cook job",
# "stay at home mom getting back to work". The clause is kept whole as the background.
_ROLE_INTRODUCTIONS = [
    re.compile(
        r"^(?:so\s+)?(?P<role>[a-z0-9][\w\s/&()+.,'-]{1,60}?)\s+here(?:\s+in\s+[\w\s.'-]{2,30}|"
        # "RN here doing RN to BSN": what the learner is doing besides
        r"\s+(?:doing|working on|taking|finishing|going for)\s+[\w\s/&+-]{2,40})?$",
        flags=re.IGNORECASE,
    ),
    re.compile(
        r"^(?P<role>[a-z][\w\s/&-]{1,40}?)(?<!\bin)\s+(?:guy|gal|girl|lady|dude|person)\b.*$",
        flags=re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:laid off|let go|fired|retired|quit|resigned)\s+(?:from\s+)?(?:my|a|the)\s+"
        r"(?P<role>[\w\s/&-]{2,40}?)\s+(?:job|position|role|gig)\b",
        flags=re.IGNORECASE,
    ),
    re.compile(r"^(?P<role>stay[- ]at[- ]home (?:mom|mum|dad|parent))\b", flags=re.IGNORECASE),
    # "laid off from oilfield", "let go from the plant": the field or workplace left.
    re.compile(
        r"^(?:(?:got|just|recently|i was|i got|was)\s+)*(?:laid off|let go)\s+from\s+(?:the\s+)?"
        r"(?P<role>[a-z][\w/&-]*(?:\s+[a-z][\w/&-]*){0,2})$",
        flags=re.IGNORECASE,
    ),
    # "i'm in supply chain at a logistics company": the field the learner works in.
    re.compile(
        r"^(?:i'?m|i am|im)\s+in\s+(?P<role>[a-z][\w/&-]*(?:\s+[a-z][\w/&-]*){0,2}?)\s+"
        r"(?:at|for|with)\s+(?:a|an|the)\s+[\w\s&-]{2,40}$",
        flags=re.IGNORECASE,
    ),
    # A job held before or held now, said without "I'm a": "ex marine", "former teacher",
    # "electrician apprentice rn", "freelance wedding photog", "work at a car wash".
    re.compile(
        r"^(?:ex[- ]|former |retired )(?P<role>[a-z][\w/&-]*(?:\s+[a-z][\w/&-]*){0,3})$",
        flags=re.IGNORECASE,
    ),
    re.compile(
        r"^(?P<role>[a-z][\w/&-]*(?:\s+[a-z][\w/&-]*){0,3}?)\s+(?:rn|right now|atm|currently)$",
        flags=re.IGNORECASE,
    ),
    re.compile(
        r"^(?P<role>(?:freelance|self[- ]employed|part[- ]time|full[- ]time)\s+[a-z][\w/&-]*"
        r"(?:\s+[a-z][\w/&-]*){0,3})$",
        flags=re.IGNORECASE,
    ),
    # "work at home depot", "working at chipotle": a workplace named without an article
    # ("work at home" is where, not a job).
    re.compile(
        r"^(?:i\s+)?(?:work|working)\s+at\s+(?!home$|night|the moment|my\b)"
        r"(?P<role>[a-z][\w&'-]*(?:\s+[a-z][\w&'-]*){0,2})$",
        flags=re.IGNORECASE,
    ),
    re.compile(
        r"^(?:i\s+)?(?:work|working)\s+(?:at|in)\s+(?:a|an)\s+(?P<role>[a-z][\w&-]*"
        r"(?:\s+[a-z][\w&-]*){0,2}?)(?:\s+(?:in|near|out of)\s+.*)?$",
        flags=re.IGNORECASE,
    ),
]
_EXPLICIT_HOURS = re.compile(r"\d\+?\s*(?:hours?|hrs?|h|horas?)\b", flags=re.IGNORECASE)
_HOUR_CUES = re.compile(
    r"\d\s*(?:h|hrs?)\b|\b(?:hours?|hrs?|h|minutes?|mins?|evenings?|nights?|weekends?|saturdays?|"
    r"sundays?|a day|per day|each day|daily|weekday\w*|lunch ?breaks?)\b",
    flags=re.IGNORECASE,
)
# Hours said about the job ("I work 10 hours a day", "standing 10 hours", "12-hour
# shifts") are not hours the learner can give to a course, unless the clause also says
# what is free ("I work days so evenings only, maybe 10 hours a week").
_WORK_TIME = re.compile(
    r"\b(?:i work|work(?:ing|ed)?\s+(?:\d|\w+ \d)|shifts?|standing|on my feet|overtime|"
    r"at work|commut\w*)\b",
    flags=re.IGNORECASE,
)
_STUDY_TIME = re.compile(
    r"\b(?:can|could|free|spare|give|study\w*|learn\w*|available|dedicate|set aside|"
    r"put in|evenings?|nights?|weekends?|only|left over)\b",
    flags=re.IGNORECASE,
)
# "online or in person whatever", "happy to go in person or online": either is fine.
_BOTH_MODES = re.compile(
    r"\b(?:online|remote)\b.{0,15}\b(?:or|and|/)\b.{0,5}\b(?:in[- ]person|on[- ]?site|"
    r"in class|campus)\b|\b(?:in[- ]person|on[- ]?site|in class|campus)\b.{0,15}\b(?:or|and|/)"
    r"\b.{0,5}\b(?:online|remote)\b",
    flags=re.IGNORECASE,
)
_BUDGET_CUES = re.compile(
    r"[$€£¥₹]|\b(?:budget|dollars?|bucks|usd|eur|euros?|pounds?|gbp|free|cost\w*|pay|pays|"
    r"paying|paid|afford|price\w*|spend|cheap\w*|money|grand|reimburs\w*|saved|savings|gratis|"
    r"loans?|stipend|gives me|cover|covers|covered|\d+\s?k|pagar|gastar|invertir)\b",
    flags=re.IGNORECASE,
)
# "6 hrs a week for 2 months": the hours, and how long they can give them, which is the
# time the course must fit in.
_HOURS_FOR_A_SPAN = re.compile(
    r"(?:hours?|hrs?|h)\s*(?:a|per|each|/|every)\s?(?:week|wk)\s+for\s+(?:the next\s+)?"
    r"(?:\d+|a|one|two|three|four|five|six|eight|ten|twelve) (?:weeks?|wks?|months?|mos?)\b",
    flags=re.IGNORECASE,
)
_DEADLINE_CUES = re.compile(
    r"\b(?:within|by|before|deadline|finish|done|complete|asap|soon|rush|hurry|"
    r"(?:next|this|coming) (?:week|month|year|spring|summer|fall|autumn|winter)|"
    r"in (?:like |about |around |roughly |~\s?)?(?:\d+|a|an|one|two|three|four|five|six|a few|"
    r"a couple of) (?:weeks?|wks?|months?|mos?|years?|yrs?)\b|"
    # "job ready in roughly 6 months", "knock out in the next 4-5 months"
    r"\b(?:ready|knock(?: it)? out|wrap(?: it)? up)\b[^.;!?]{0,12}\bin "
    r"(?:the next |roughly |about |around |like )?\d+(?:\s*-\s*\d+)? "
    r"(?:weeks?|wks?|months?|mos?)\b|"
    # "got 4 weeks", "i have 2 months": the time left.
    # "tengo 1 año para terminar": the time left, said in Spanish.
    r"\bpara (?:terminar|acabar)\b|\b(?:terminar|acabar) (?:en|dentro de|antes de)\b|"
    r"(?:got|have|has) (?:only |just |like |about )?(?:\d+|a|one|two|three|four|a few|a couple of)"
    r" (?:weeks?|months?)(?! (?:of|off)\b)|"
    # "3 months max", "8 weeks tops": the longest it may take.
    r"(?:\d+|a|one|two|three|four|six) (?:weeks?|wks?|months?|mos?) (?:max(?:imum)?|tops|at most)|"
    # "need a job fast like 2 wks": how soon, after the hurry.
    r"(?:fast|quick(?:ly)?|urgent(?:ly)?)\W+(?:like |about |in |within )?(?:\d+|a|one|two|three|"
    r"four) ?(?:wks?|weeks?|months?|mos?))\b",
    flags=re.IGNORECASE,
)
# Time already spent, not time left: "10 yrs ago", "for 6 yrs", "for the past 3 years".
_PAST_DURATION = re.compile(
    r"\b(?:(?:like|about|around|over|almost) )?\d+\+? ?(?:years?|yrs?|months?) ago\b|"
    r"\bfor (?:the (?:last|past) )?(?:(?:like|about|around|over|almost) )?(?:\d+|a few|few|"
    r"several|many)\+? ?(?:years?|yrs?)\b|"
    r"\b(?:been|was) (?:a |an )?[\w ]{1,30}? \d+\+? ?(?:years?|yrs?)\b",  # "been a cna 3 yrs"
    flags=re.IGNORECASE,
)
_CREDIT_CUES = re.compile(
    r"\b(?:credits?|credential\w*|accredit\w*|qualification\w*|licen[cs]\w*|degree|"
    r"certificat\w*|certified)\b",
    flags=re.IGNORECASE,
)
# "10 weeks", "6 mo", "like 3 months": a clause that is only a span is how soon.
_DURATION_ONLY = re.compile(
    r"^(?:like |about |around |roughly |~|within |for |in )?(?:the next )?\d+(?:\.\d+)?\s*"
    r"(?:weeks?|wks?|months?|mos?|years?|yrs?)(?: total| in total)?$",
    flags=re.IGNORECASE,
)
# Years on their own beside a job are experience: "operations supervisor, 6 yrs",
# "RN (med-surg, 5 yrs)"; a deadline says when ("within 2 years").
_YEARS_ONLY = re.compile(
    r"^(?:for )?(?:about |around |~|over |almost |like )?\d+(?:\.\d+)?\+?\s*(?:years?|yrs?)$"
)
# A job and its years, said alone: "sysadmin 6 yrs", "software engineer 3 yrs".
_ROLE_AND_YEARS = re.compile(
    r"^(?:(?:i'?ve |i have )?been (?:in|doing|working in) )?"  # "been in IT support 6 yrs"
    r"(?:(?!(?:want|need|learn|get|be|do|study|for|in|within|by|about|with|w/|at|as)(?:\s|$))"
    r"[a-z][\w/&+-]*\s+)"
    r"{1,4}\d+\+?\s*(?:years?|yrs?)(?:\s+(?:exp|experience|(?:burn(?:ed|t)|worn) out|"
    r"and counting|so far|now|already|in|(?:on|at|in) (?:an? |the )?[a-z]+(?: [a-z]+)?))?$"
    # "5 yrs help desk exp"
    r"|^\d+\+?\s*(?:years?|yrs?)\s+(?:of\s+)?[a-z][\w/&+-]*(?:\s+[a-z][\w/&+-]*){0,3}\s+"
    r"(?:exp|experience)$",
    flags=re.IGNORECASE,
)
# A lone figure of 100 or more with no unit of time is money: nobody studies 100 h a week.
_BIG_FIGURE = re.compile(
    r"^(?:about |around |like |roughly |up to |under |max |~)?\d{3,}(?:\.\d+)?\s*"
    r"(?:max|maximum|tops|total|or so|ish)?$",
    flags=re.IGNORECASE,
)
# Words that name a way of attending, not just a place to be ("stay at home dad").
_MODE_CUES = re.compile(
    r"\b(?:online|remote(?:ly)?|virtual(?:ly)?|in[- ]?person|in class|classroom|campus|on[- ]?site|"
    r"face[- ]to[- ]face|hybrid|blended|mix(?:ed)?|(?:on|over|via|by) zoom|zoom class\w*|"
    r"distance|hands[- ]on|"
    r"from home|at home (?:course|class|study|learning)|near me|locally)\b",
    flags=re.IGNORECASE,
)
# Format words inside the name of a subject, a product or a job: "designing corporate
# e-learning", "google classroom", "online marketing", "remote sensing". They say what
# the learner does or wants to learn, not how they want to be taught.
_FORMAT_WORDS_IN_NAMES = re.compile(
    r"\be-?learning\b|\b(?:google|flipped|virtual) classroom\b|\bclassroom (?:management|"
    r"teacher|aide|assistant|technology|experience)\b|\bonline (?:marketing|business(?:es)?|"
    r"store|shop|sales|advertising|presence|community|communities|safety|teaching|tutor(?:ing)?|"
    r"course (?:creation|design|creator)|learning design|instruct(?:or|ion))\b|\bremote sensing\b"
    r"|\bvirtual (?:reality|assistant|machines?|events?)\b|\bdistance learning design\b"
    r"|\b(?:quickbooks|qbo|office|excel|word|sharepoint|canva|microsoft|ms|outlook) online\b"
    r"|\bremote (?:work|jobs?|positions?|roles?|customer service)\b|\bonline (?:customer service |"
    r"sales |retail |tutoring |teaching |data entry |marketing |support |chat )?(?:jobs?|work|"
    r"positions?|roles?)\b|\b(?:work|working|job|jobs) (?:from|at) home\b",
    flags=re.IGNORECASE,
)
_PACE_CUES = re.compile(
    r"\b(?:pace|paced|schedul\w*|fixed|flexib\w*|live|cohort|timetable|own time|own speed|"
    r"whenever|set times?|class times?|(?:mon|tues|wednes|thurs|fri|satur|sun)days? classes)\b",
    flags=re.IGNORECASE,
)
_LOCATION = re.compile(
    r"\b(?:(?i:i live in|i'?m in|i am in|i'?m based in|based in|located in|living in)|near|"
    r"around|from|in)\s+(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})",
)
# A capital inside a word marks a product, not a town: "modeling in SolidWorks".
_PRODUCT_NAME = re.compile(r"[a-z][A-Z]")
# "I'm new to this", "I'm not sure": a state of mind, not a job.
_NOT_ROLES = frozenset(
    {
        "new",
        "not",
        "just",
        "still",
        "so",
        "very",
        "really",
        "pretty",
        "quite",
        "a",
        "in",
        "into",
        "on",
        "at",
        "from",
        "free",
        "available",
        "busy",
        "able",
        "keen",
        "happy",
        "open",
        "fine",
        "ok",
        "okay",
        "good",
        "sure",
        "unsure",
        "stuck",
        "lost",
        "confused",
        "tired",
        "bored",
        "done",
        "here",
        "back",
        "also",
        "currently",
        "over",
        "about",
        # "anything cheaper? 500 is my max": a request for other courses, not a job
        "anything",
        "something",
        "any",
        "cheaper",
        "shorter",
    }
)
_NOT_PLACES = frozenset(
    {"I", "I'm", "Excel", "Python", "SQL", "English", "Spanish", "The", "A", "My", "It"}
    # Fields said in capitals: "been in IT support", "in HR for 6 years".
    | {"IT", "HR", "AI", "UX", "QA", "PR", "HVAC", "CNA", "EMT", "CDL", "PMP"}
)


@dataclass
class Statements:
    """The answers a message states: interview slot -> the words that state it."""

    answers: dict[str, str] = field(default_factory=dict)
    current_role: str | None = None

    def __bool__(self) -> bool:
        return bool(self.answers)


def asks_to_see_courses(text: str) -> bool:
    """ "ok can you show me the courses now": a wish to see the results, naming no goal."""
    return bool(_SHOW_ME_COURSES.match(text.strip()))


# "5th grade teacher here in houston trying to get into instructional design": an aim
# begun with no "I'm" starts a statement of its own, after whatever came before it.
_AIM = re.compile(r"\s(?=(?:trying|hoping|looking|wanting|aiming|planning) to\b)", re.IGNORECASE)
_BEFORE_AN_AIM = frozenset(
    """i im i'm am was were been be is are and or just really still currently now of me you u
    not keep kept stop start started tired worth been also always even only""".split()
)


def _split_at_aim(part: str) -> list[str]:
    """The part cut before an aim that does not continue its own subject ("im trying to")."""
    pieces, start = [], 0
    for match in _AIM.finditer(part):
        before = part[start : match.start()].split()
        if len(before) >= 2 and before[-1].lower() not in _BEFORE_AN_AIM:
            pieces.append(part[start : match.start()])
            start = match.end()
    pieces.append(part[start:])
    return pieces


def clauses(text: str) -> list[str]:
    """The message cut where one statement ends and another starts; greetings dropped."""
    cleaned = tidy(text) or ""
    parts: list[str] = []
    for sentence in _SENTENCE.split(cleaned):
        for part in _NEW_STATEMENT.split(sentence):
            parts.extend(_split_at_aim(part))
    kept: list[str] = []
    for part in [piece for whole in parts for piece in _split_at_colon(whole)]:
        part = part.strip(" .!?,;:-")
        part = re.sub(r"^(?:and|but|also|plus|so|oh|um+|well)\s+", "", part, flags=re.IGNORECASE)
        if part and kept and _LONE_MONEY_WORD.match(kept[-1]) and _FIGURE_NEXT.match(part):
            kept[-1] = f"{kept[-1]}, {part}"  # "cheap, like under 150" is one answer
        elif part and not _GREETING.match(part):
            kept.append(part)
    return kept


def _split_at_colon(part: str) -> list[str]:
    """ "need it within 2 months: salesforce admin" is two statements; "hours per week:
    about 5" and "budget: 500" are one (a label and its answer)."""
    before, colon, after = part.partition(": ")
    if (
        colon
        and len(before.split()) >= 3
        and not re.search(r"\d", after)
        and (len(after.split()) <= 5)
    ):
        return [before, after]
    return [part]


_LONE_MONEY_WORD = re.compile(
    r"^(?:cheap|cheapest|affordable|inexpensive|budget|low budget|on a budget|broke|"
    r"money|price|cost)$",
    re.IGNORECASE,
)
_FIGURE_NEXT = re.compile(
    r"^(?:like |about |around |maybe |under |below |max |up to |less than |no more than )*"
    r"[$~]?\d",
    re.IGNORECASE,
)


def is_goal_statement(text: str) -> bool:
    """True when the words say where the learner wants to go (a course, a role, a skill)."""
    return bool(GOAL_CUES.search(text))


def names_a_subject_to_learn(text: str) -> bool:
    """Whether a wish names something to learn ("how to be a supervisor"), not only how,
    when or for how much ("what courses would you suggest for me")."""
    return bool(_subject_words(text, frozenset()))


def states_background(text: str) -> bool:
    """True when the words say what the learner already knows or has done."""
    return bool(BACKGROUND_CUES.search(text))


# A job named on its own, or with where the learner is: "sysadmin (windows/AD) wanting
# …", "Logistics coordinator in Dallas.", "Handyman in Austin TX, wanna do HVAC". Taken
# only when its last word names a person by what they do (_PERSON_NOUN).
_BARE_ROLES = [
    re.compile(r"^(?P<role>(?i:[a-z][\w/&+-]*(?:\s+[a-z][\w/&+-]*){0,2}))$"),
    re.compile(
        r"^(?P<role>(?i:[a-z][\w/&+-]*(?:\s+[a-z][\w/&+-]*){0,3}))\s+(?i:in|from|out of|"
        r"based in|near)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}$"
    ),
    # Where or with what: "security guard at st joes in paterson", "help desk w/ A+".
    re.compile(
        r"^(?P<role>(?i:[a-z0-9][\w/&+-]*(?:\s+[a-z0-9][\w/&+-]*){0,3}))\s+(?i:at|for|with|w/)\s"
        r"[^,;]{1,50}$"
    ),
]
_PERSON_NOUN = re.compile(
    r"(?:[a-z]{2,}(?:er|or|ist|ian|ant|ent)|man|woman|admin|tech|aide|nurse|chef|cook|clerk|"
    r"rep|guard|medic|vet|veteran|grad|dad|mom|mum|parent|desk|mgr|supv|asst)$",
    flags=re.IGNORECASE,
)
# Words ending like a person noun that are not one, or say nothing about a job.
_NOT_PERSON_NOUNS = frozenset(
    """beginner learner newcomer other either whatever never later together better ever over
    under number computer water paper order summer winter semester quarter career master
    power poster chapter register cyber server excel powerpoint content student river harbor
    dover hanover denver windsor manor center centre uber""".split()
)


def _bare_role(text: str) -> str | None:
    """A clause that only names a job (and maybe where): its job, else None."""
    for pattern in _BARE_ROLES:
        match = pattern.match(text.strip(" ,.!"))
        if match is None:
            continue
        role = match.group("role").strip()
        if _names_a_person(role):
            return role
    return None


# Endings of words for a thing done, not a person: "project management", "apprenticeship
# prep" (which ended like "agent" and "rep" and had been read as the learner's job).
_NOT_PERSON_ENDINGS = re.compile(r"(?:ments?|ships?|prep)$", flags=re.IGNORECASE)


def _names_a_person(role: str) -> bool:
    """Whether the words end on a word for a person ("office admin", not "office")."""
    last = role.split()[-1].lower() if role.split() else ""
    return (
        bool(_PERSON_NOUN.search(last))
        and last not in _NOT_PERSON_NOUNS
        and not _NOT_PERSON_ENDINGS.search(last)
    )


def introduced_role(text: str, *, bare: bool = False) -> str | None:
    """'bartender here' -> 'bartender', 'laid off from my line cook job' -> 'line cook',
    'Logistics coordinator in Dallas' -> 'Logistics coordinator': a job introduced
    without "I'm a"; None when the clause states a goal. A job named on its own counts
    only with ``bare`` (a clause among others: "nurse" alone may be the goal)."""
    if is_goal_statement(text):
        return None
    for pattern in _ROLE_INTRODUCTIONS:
        match = pattern.search(text.strip())
        if match is not None:
            role = match.group("role").strip(" ,.")
            if role and role.split()[0].lower() not in _NOT_ROLES and len(role.split()) <= 10:
                return role
    role = _bare_role(text) if bare else None
    if role is not None and role.split()[0].lower() not in _NOT_ROLES:
        return role
    return None


_NEW_SUBJECT = re.compile(
    r"\s+(?:and|but|so)\s+(?=(?:the|i|my|they|we|he|she|it|our|everyone|people|finishing|doing|"
    r"taking|studying|going|trying)\b)",
    re.IGNORECASE,
)


# A job whose first word ends in -ing, unlike "im looking for…": "marketing coordinator",
# "nursing assistant", "shipping clerk" (a person noun last, nothing after it).
_ING_JOB = re.compile(r"[a-z]+ing(?:\s+[a-z]+){1,2}", flags=re.IGNORECASE)


def current_role_of(text: str) -> str | None:
    """'I'm a registered nurse' -> 'registered nurse'; None when the clause says more."""
    # "the receptionist at a law firm and the attorneys have me drafting letters": the
    # role ends where a new subject starts.
    match = _CURRENT_ROLE.match(_NEW_SUBJECT.split(text.strip(), maxsplit=1)[0])
    if match is None:
        return None
    role = re.sub(r"\s+already$", "", match.group("role").strip(), flags=re.IGNORECASE)
    # "im 45 work as cashier at shoprite", "a 31 y/o software QA tester": the age, then the job
    role = re.sub(
        r"^\d{2},?\s+(?:and\s+)?work(?:ing)?\s+(?:as\s+)?(?:an?\s+)?", "", role, flags=re.I
    )
    role = re.sub(r"^\d{2}\s*(?:y/?o|yo|years? old|yr old)\s+", "", role, flags=re.IGNORECASE)
    if re.match(r"\d(?!\d*(?:st|nd|rd|th)\b)", role):
        return None  # "i'm 19 just finished high school": an age, not a job
    first = role.split()[0].lower()
    if first.endswith("ing") and not _names_a_person(role):
        return None
    if re.match(r"\w+ing (?:it|this|that|ok|okay|fine|well|good|great|alright)\b", role, re.I):
        return None  # "Hope I'm doing it right" says how it goes, not a job
    if (
        is_goal_statement(role)
        or states_background(role)
        or (first.endswith("ing") and not _ING_JOB.fullmatch(role))
        or first in _NOT_ROLES
        or len(role.split()) > 10
    ):
        return None
    return role


# Time without a figure that still answers the hours question: no hours filter
# ("I can do it full time basically", "I have all the time in the world"). Not "I work
# full time", which is the job's time, not the course's.
_OPEN_HOURS = re.compile(
    r"\b(?:can|could|will|would|if i|i'?ll|i)(?: \w+)? (?:do|go|study|give it|commit|train|learn)"
    r"(?: \w+){0,2} full[- ]?time\b|\btime (?:is ?n'?t|is not|isnt) (?:really )?(?:an? )?"
    r"(?:issue|problem|concern)\b|\bfull[- ]?time (?:student|study|studying|learner|training)\b"
    r"|\ball the time (?:in the world|i need)\b|\bas (?:many|much) (?:hours |time )?as "
    r"(?:it takes|needed|necessary)\b|\bno time limit\b|\b(?:plenty|loads|lots) of time\b",
    flags=re.IGNORECASE,
)


def _typed_answers(clause: str) -> dict[str, str]:
    """The constraint answers this clause has both the cue and a readable value for.
    Cues are looked for in the clause as the parsers read it (Spanish answer words in
    English: "5 horas por semana"); the answer keeps the learner's own words."""
    said = clean(clause) or clause
    found: dict[str, str] = {}
    figure_hours = (
        _HOUR_CUES.search(said)
        and not (_WORK_TIME.search(said) and not _STUDY_TIME.search(said))
        and answers.parse_hours_per_week(said) is not None
    )
    if figure_hours or (_OPEN_HOURS.search(said) and answers.no_time_limit(said)):
        found[HOURS] = clause
    money_cue = _BUDGET_CUES.search(said) or _BIG_FIGURE.search(said)
    # "3 hrs a week and dont wanna spend more than like $50": a sum of money is a budget
    # even beside the hours.
    money_too = HOURS not in found or re.search(
        r"[$€£]|\b(?:dollars?|bucks|gratis)\b|\bfree (?:courses?|classes|stuff|ones|only)\b|"
        r"\b(?:only|solo) (?:\w+ )?free\b|\bcourses? free\b",
        said,
    )
    if money_cue and money_too and answers.parse_budget(said) is not None:
        found[BUDGET] = clause
    until = _PAST_DURATION.sub(" ", said)  # "a pharmacy tech 10 yrs ago" sets no deadline
    if (
        (
            _DEADLINE_CUES.search(until)
            or _DURATION_ONLY.match(until)
            or _HOURS_FOR_A_SPAN.search(until)
        )
        # "5 hours a week, 3 months in total" is read as hours there; "for 3 months" is both
        and (not figure_hours or _HOURS_FOR_A_SPAN.search(until))
        and answers.parse_deadline_weeks(until) is not None
    ):
        found[DEADLINE] = clause
    said_of_format = _FORMAT_WORDS_IN_NAMES.sub(" ", said)
    mode = answers.parse_mode(said_of_format) if _MODE_CUES.search(said_of_format) else None
    if mode is not None and (mode != "any" or _BOTH_MODES.search(said)):
        found[MODE] = clause
    pace = answers.parse_pace(said) if _PACE_CUES.search(said) else None
    if pace is not None and pace != "any":
        found[PACE] = clause
    if _CREDIT_CUES.search(said) and answers.parse_credit(said) is not None:
        found[CREDIT] = clause
    return found


def location_in(text: str, places: frozenset[str] = frozenset()) -> str | None:
    """The place the learner names: a known place in any case ('houston tx', 'elizabeth
    nj'), else a capitalised one after 'in', 'near', 'based in'… ('in Newark')."""
    lowered = " ".join(re.findall(r"[a-z]+", text.lower()))
    state: str | None = None
    for size in (3, 2, 1):
        tokens = lowered.split()
        for start in range(len(tokens) - size + 1):
            candidate = " ".join(tokens[start : start + size])
            if candidate in places and candidate not in _COMMON_WORDS:
                if len(candidate) > 2:
                    # "atlanta ga", "aurora colorado": the state said keeps the town there,
                    # not in a covered state that has a town of that name too.
                    after = tokens[start + size : start + size + 2]
                    for cut in (2, 1):
                        said = state_code(" ".join(after[:cut])) if len(after) >= cut else None
                        if said is None or said in gazetteer().preferred:
                            continue
                        found = gazetteer().lookup(candidate, said)
                        if found is not None:
                            return f"{found.name}, {found.state}"
                    if state_code(candidate) is not None:
                        # "real estate license en texas, vivo en laredo": the town, if
                        # one is named, says more than the state.
                        state = state or candidate.title()
                        continue
                    return candidate.title()
                state = state or candidate.upper()
    for match in _LOCATION.finditer(text):
        place = match.group("place").strip()
        if place.split()[0] not in _NOT_PLACES and not _PRODUCT_NAME.search(place):
            # "near Columbus, GA", "in Evansville IN": the state said keeps the town there.
            state_after = re.match(r"\s*,?\s*([A-Za-z]{2})\b", text[match.end() :])
            code = state_code(state_after.group(1)) if state_after else None
            town, _, last = place.rpartition(" ")
            if town and len(last) == 2 and state_code(last) is not None:
                place, code = town, state_code(last)
            found = gazetteer().lookup(place.lower(), code) if code else None
            return f"{found.name}, {found.state}" if found else place
    # A town the catalog teaches in none of, but the place table knows ("i live in
    # hoboken", "Morristown NJ"): distances are measured from it. Else the bare state.
    if places:
        for town in towns_named(text):
            if town.lower() in _COMMON_WORDS and not _with_state(town, text):
                continue  # "a bachelors in early childhood ed"
            if " " in town or _said_as_place(town, text) or _said_alone(town, text):
                if state_code(town.lower()) is not None and not _with_state(town, text):
                    state = state or town  # "a notary license in florida": not Florida, NY
                    continue
                found = gazetteer().resolve(town.lower())
                return f"{found.name}, {found.state}" if found else town
    return state


# A city large enough that its name said alone as a clause is the place ("…websites.
# denver"), not a word: no one-word goal is the name of a city this size.
CITY_SAID_ALONE_POPULATION = 100_000


def _said_alone(town: str, text: str) -> bool:
    """Whether a large city's name is a clause of its own ("how do i learn to code
    websites. denver")."""
    key = town.lower()
    if key in _COMMON_WORDS:
        return False
    if not any(part.strip(" !?'\"").lower() == key for part in re.split(r"[.,;:\n]+", text)):
        return False
    found = gazetteer().lookup(key)
    return found is not None and found.population >= CITY_SAID_ALONE_POPULATION


# Every state by code and name (index.places), longest first: "montclair nj". The codes
# that are also English words count only in capitals: "Team lead in a call center" and
# "montreal in 5 months" name no town in Indiana, "Evansville IN" does; "vale la pena" and
# "clases de inglés" name none in Louisiana or Delaware.
_WORD_CODES = frozenset({"IN", "OR", "ME", "HI", "OK", "LA", "DE", "AL"})
_STATES = (
    "|".join(
        sorted(
            {w.lower() for pair in STATE_NAMES.items() for w in pair}
            - {c.lower() for c in _WORD_CODES},
            key=len,
            reverse=True,
        )
    )
    + "|(?-i:"
    + "|".join(sorted(_WORD_CODES))
    + ")"
)


def _with_state(town: str, text: str) -> bool:
    """Whether the town is said with its state ("early tx")."""
    return bool(re.search(rf"\b{re.escape(town)}\s*,?\s*(?:{_STATES})\b", text, re.IGNORECASE))


def _said_as_place(town: str, text: str) -> bool:
    """Whether a one-word town is said as a place ("in hoboken", "montclair nj"), not a
    word that happens to be one somewhere ("excel", "pace")."""
    name = re.escape(town)
    return bool(
        re.search(
            rf"\b(?:in|near|from|around|outside(?: of)?|by|live|living|based|en|cerca de)"
            rf"\s+{name}\b|"
            rf"\b{name}\s*,?\s*(?:{_STATES}|area|county)\b",
            text,
            re.IGNORECASE,
        )
    )


# Place names that are also ordinary words in a message about courses.
_COMMON_WORDS = frozenset(
    {
        "online",
        "home",
        "person",
        "class",
        "school",
        "college",
        "center",
        "university",
        "union",
        "city",
        "park",
        "lake",
        "river",
        "early",  # "a bachelors in early childhood ed"
        "excel",  # "the monthly reports in excel"
        "hills",
        "beach",
        "mission",
        "orange",
        "garden",
        "liberty",
        "independence",
        "commerce",
        "industry",
        "friendship",
        "hope",
        "advance",  # "thanks in advance"
        "vale",  # "vale la pena"
        "welcome",
        "normal",
        "success",
        "progress",
        "opportunity",
        "unity",
        "victoria",
        "marion",
        "jackson",
        "lincoln",
        "washington",
        "franklin",
        "clinton",
        "new",
        "north",
        "south",
        "east",
        "west",
        "de",
        "la",
        "el",
        "san",
        "santa",
        "port",
        "it",
        "me",
        "us",
        "in",
        "or",
        "and",
        "a",
        "an",
    }
)


# Short clauses after a goal that say something else: an age, money, where they live.
_NOT_A_CONTINUATION = re.compile(
    r"^\d+(?:\s*(?:yrs?|years?)(?: old)?)?$|\b(?:budget|money|loans?|afford)\b|"
    r"^(?:i'?m|im|i am|i live|living|based) (?:in|near|outside|around)\b|^right now$",
    re.IGNORECASE,
)
# A goal clause that only asks for the paper: "get my license", "get certified".
_ONLY_CREDENTIAL = re.compile(
    r"(?:and\s+)?(?:get|getting|earn|pass|take)\s+(?:my|the|a|an)?\s*(?:licen[cs]e[ds]?|"
    r"certifi\w*|cert|certificate|credential|exam|boards?)(?:\s+(?:too|also|after|at the end))?",
    re.IGNORECASE,
)
# A want that is not the learner's: negated, or someone else's of them.
_NOT_THE_LEARNERS_WANT = re.compile(
    r"\b(?:do ?n[o']?t|dont|never|no longer)\s+(?:really\s+)?(?:want|wanna|need)\b|"
    r"\b(?:they|he|she|work|county|school)\s+(?:now\s+)?"
    r"wants?\s+(?:me|us)\s+(?:doing|to do|on)\b|"
    # "they told me to get certified first": advice the learner was given, not the goal.
    r"^(?:they|he|she|someone|somebody|people|my \w+)\s+(?:told|tell|said|says)\s+"
    r"(?:me|us|to|i|that|we)\b(?!\s+(?:should|could|might)\s+(?:look into|try|check out|"
    r"consider|get into|go into|look at|do|get|take|go for|study))|"
    # "My daughter said I should try this": the advice is to talk to the assistant.
    r"\b(?:said|says|told me|tells me|recommended|suggested)\b[^.!?]{0,25}\b(?:try|use|check out|"
    r"talk to|ask)\s+(?:this|you|u|it|here)\b(?:\s+(?:app|bot|site|chat|thing|out))?\W*$",
    re.IGNORECASE,
)
# Asking to see courses, with no subject: "ok can you show me the courses now".
_SHOW_ME_COURSES = re.compile(
    r"^(?:(?:ok|okay|so|and|well|then)\W+)*(?:(?:can|could|will) (?:you|u) |pls |please )?"
    r"(?:show|give|send|list) (?:me |us )?(?:the |those |these |my |some |your )?(?:courses?|"
    r"results?|options?|list|recommendations?|classes)(?: (?:now|again|please|pls|then|already))*"
    r"\W*$",
    re.IGNORECASE,
)
# A goal that points at a job named elsewhere: "want to do it as a job", "do this for a living".
_GOAL_BY_REFERENCE = re.compile(
    r"\b(?:do|doing)\s+(?:it|this|that)\s+(?:as a (?:job|career|living)|for (?:a )?(?:living|"
    r"work|money|a job)|professionally|full[- ]time)\b",
    re.IGNORECASE,
)


# The wish that opens a clause: "want …", "i'd also like …".
_WISH_OPENING = re.compile(
    r"^(?:i )?(?:(?:also|really) )?(?:want|need|wanna|would like|'d like|hope)"
    r"(?: to (?:get|learn|do|take))?\s+",
    flags=re.IGNORECASE,
)
# A wish that adds to what was said before: "want epa 608 too".
_ALSO = re.compile(r"\b(?:too|also|as well)\s*[.!?]*$", flags=re.IGNORECASE)
# A deadline said by reference to the time named just before it.
_BY_THEN = re.compile(
    r"\b(?:done|finished|ready|through|certified|licensed)\s+(?:by|before)\s+(?:then|that)\b",
    flags=re.IGNORECASE,
)
# A job the learner holds now, said after another job: "customer service rep 3 yrs",
# "i work at a daycare", "im a cashier right now".
_HOLDS_NOW = re.compile(
    r"^(?:(?:i work|i'?m an?|im an?|i am an?|working|work) (?:at|as|in|for|an?)\b|"
    r"[a-z][\w/&-]*(?: [a-z][\w/&-]*){0,3} \d+\+? ?(?:yrs?|years?)$)",
    flags=re.IGNORECASE,
)


def find_statements(text: str, places: frozenset[str] = frozenset()) -> Statements:
    """Every answer the message states, each with its own words.

    A clause may answer several constraints ("online, at my own pace" is a mode and a
    pace); the goal is the clause(s) that say where the learner wants to go, the
    background the ones that say what they have. A clause that states nothing
    recognisable right after the goal continues it ("I want to learn Python, SQL").
    """
    statements = Statements()
    goal_groups: list[list[str]] = []  # a goal clause and the clauses continuing it
    background_parts: list[str] = []
    introduced_roles: list[str] = []  # clauses that only name a job ("home health aide")
    subject_before: str | None = None  # a short untyped clause before any goal
    subject_first: str | None = None  # that clause, when it opens the message
    limits_and_subject: str | None = None  # "medical billing and coding online under 500"
    first_subject: str | None = None  # the first clause that names something to learn
    previous_was_goal = False
    previous_clause: str | None = None
    parts = clauses(text)
    states_limits = False  # any clause answers a constraint
    for clause in parts:
        typed = _typed_answers(clause)
        states_limits = states_limits or bool(typed)
        if _ROLE_AND_YEARS.match(clause.strip()):
            background_parts.append(clause)  # "sysadmin 6 yrs", "help desk tech 2yrs"
            previous_was_goal = False
            continue
        if _YEARS_ONLY.match(clause.strip()) and (statements.current_role or background_parts):
            if not background_parts:
                background_parts.append(f"works as {statements.current_role}")
            background_parts.append(clause)  # "operations supervisor, 6 yrs"
            continue
        if HOURS in typed and previous_clause is not None:
            typed[HOURS] = _with_sessions_before(previous_clause, typed[HOURS])
        if (
            DEADLINE not in typed
            and previous_clause is not None
            and _BY_THEN.search(clause)
            and answers.parse_deadline_weeks(previous_clause) is not None
        ):
            # "summer break is 10 weeks so i need to be done by then": the time said before.
            typed[DEADLINE] = f"{previous_clause}, {clause}"
        previous_clause = clause
        for slot, words in typed.items():
            earlier = statements.answers.get(slot)
            # "Nights and weekends, 12 hrs a week": a stated figure beats a rough one.
            if earlier is None or (
                slot == HOURS
                and _EXPLICIT_HOURS.search(words)
                and not _EXPLICIT_HOURS.search(earlier)
            ):
                statements.answers[slot] = words
        role = current_role_of(clause)
        if role is not None:
            statements.current_role = statements.current_role or role
            previous_was_goal = False
            continue
        introduced = introduced_role(clause, bare=len(parts) > 1 and not typed)
        if introduced is not None:
            statements.current_role = statements.current_role or introduced
            background_parts.append(re.sub(r"\s+here$", "", clause, flags=re.IGNORECASE))
            if _bare_role(clause) is not None:
                introduced_roles.append(background_parts[-1])
            previous_was_goal = False
            continue
        if (
            _NOT_THE_LEARNERS_WANT.search(clause)
            or _SHOW_ME_COURSES.match(clause)
            or _NO_GOAL_YET.search(clause)
        ):
            # "i dont want loans over 10k", "now they want me doing the parcel maps"
            previous_was_goal = False
            continue
        if typed and limits_and_subject is None and _names_a_subject(clause, places):
            limits_and_subject = clause
        if first_subject is None and _names_it(clause) and _subject_words(clause, places):
            first_subject = clause  # "plumbing", "welding class in person near lubbock"
        if _VAGUE_WISH.search(clause) and not _subject_words(clause, places):
            # "i just wanna learn something that pays more than my job": no subject yet
            previous_was_goal = False
            continue
        if goal_groups and _WORKPLACE_WISH.search(clause) and not _subject_words(clause, places):
            # "que necesito para ser medical coder? quiero trabajar desde casa": where the
            # learner wants to work, said after the goal, is not another goal.
            continue
        if is_goal_statement(clause) and not _only_constraints(clause, typed):
            if not goal_groups and subject_before and _ONLY_CREDENTIAL.fullmatch(clause):
                # "barber school, get my license": the licence is for what came first.
                goal_groups.append([subject_before, clause])
            else:
                goal_groups.append([clause])
            previous_was_goal = True
            continue
        if (
            not typed
            and not goal_groups
            and len(clause.split()) <= 4
            and not states_background(clause)
            and not _NOT_A_CONTINUATION.search(clause)  # "im in austin" is where, not what
            and location_in(clause, places) is None  # "hvac, fort worth tx"
            and _subject_words(clause, places)  # not "my employer reimburses"
        ):
            subject_before = clause
            if clause == parts[0]:
                subject_first = clause
        if states_background(clause) and not typed:
            # "has to be online i work 7-4" states the mode and a schedule, not a skill.
            background_parts.append(clause)
            previous_was_goal = False
            continue
        if (
            previous_was_goal
            and not typed
            and len(clause.split()) <= 6
            and not _NOT_A_CONTINUATION.search(clause)
            and location_in(clause, places) is None  # "…, san antonio area"
        ):
            goal_groups[-1].append(clause)
            continue
        previous_was_goal = False
    subject_first_with_limits = (
        bool(parts) and first_subject == parts[0] and bool(_typed_answers(parts[0]))
    )
    if (
        not goal_groups
        and subject_before
        and not subject_first_with_limits  # "EMT-B in person near princeton nj. lifeguard…"
        and len(parts) > 1
        and re.search(r"[a-z]{2,}", subject_before, re.IGNORECASE)
        and location_in(subject_before, places) is None
    ):
        # "hvac. how long does it take and how much": a subject named alone, then
        # questions or limits, is the goal; the one that opens the message when there are
        # several ("data analytics!! teacher here, …, burning out hard").
        goal_groups.append([subject_first or subject_before])
    if not goal_groups and len(introduced_roles) >= 2:
        # "Salesforce admin. 8 hrs a week. retail mgr.": two jobs named alone, the
        # first is where the learner wants to go.
        background_parts = [part for part in background_parts if part != introduced_roles[0]]
        goal_groups.append([introduced_roles[0]])
    if (
        not goal_groups
        and len(introduced_roles) == 1
        and len(background_parts) >= 2
        and background_parts[0] == introduced_roles[0] == parts[0]
        and not re.search(r"\d|\bfor\b", parts[0])  # not "caregiver for my mom", "… 7 yrs"
        and _HOLDS_NOW.match(background_parts[1].strip())
        and states_limits  # an opening, not a background answer
    ):
        # "salesforce admin. customer service rep 3 yrs.", "medical assistant in corpus
        # christi tx. … i work at a daycare": a job named alone to open the message, then
        # the job the learner holds; the first is where they want to go.
        goal_groups.append([background_parts.pop(0)])
        held_now = background_parts[0]
        statements.current_role = current_role_of(held_now) or introduced_role(held_now)
    if not goal_groups and len(introduced_roles) == 1 and _WANTS_IT.search(text):
        # "6 hrs/wk, need it within 2 months: salesforce admin": after "need it", the job
        # named alone is where the learner wants to go.
        background_parts.remove(introduced_roles[0])
        goal_groups.append([introduced_roles[0]])
        if statements.current_role and statements.current_role in introduced_roles[0]:
            first_held = background_parts[0] if background_parts else ""
            statements.current_role = current_role_of(first_held) if first_held else None
    if not goal_groups and limits_and_subject is not None:
        # One clause with the subject and its limits: "medical billing and coding online
        # self paced under 500". The topic reader takes the limits out of it.
        goal_groups.append([limits_and_subject])
    if (
        not goal_groups
        and first_subject is not None
        and (
            _typed_answers(first_subject)  # "phlebotomy in person houston evenings"
            or (
                # "massage therapy school in chicago? free time is mon wed fri ~3 hrs each":
                # a subject said first, then limits, and no wish.
                first_subject == parts[0]
                and not _ASKS_SOMETHING.match(first_subject)
                and any(_typed_answers(part) for part in parts[1:])
            )
        )
    ):
        goal_groups.append([first_subject])
    if (
        goal_groups
        and subject_first is not None
        and _typed_answers(goal_groups[0][0])
        and not _ONLY_CREDENTIAL.search(goal_groups[0][0])  # "…, want to get licensed"
        and not STRONG_GOAL_CUES.search(goal_groups[0][0])  # "i want the AWS cert in 8 wks"
    ):
        # "electrician apprenticeship prep, anything in Trenton NJ? in person evening
        # classes w a set schedule is better for me": the subject said first is the goal;
        # the later wish only says how.
        goal_groups = [[subject_first]]
    naming = [group for group in goal_groups if _subject_words(" ".join(group), places)]
    held = next((m for part in background_parts if (m := _PAST_ROLE.search(part))), None)
    wants_paper = any(_PAPER.search(g[0]) for g in goal_groups)
    if goal_groups and not naming and held is not None and wants_paper:
        # "i was a pharmacy tech … want to get certified again": the paper is for the job
        # the learner held.
        goal_groups = [[held.group("role"), *(g[0] for g in goal_groups)]]
    elif goal_groups and not naming and first_subject is not None:
        # "plumbing. … want to get licensed", "welding class near lubbock … wanna start
        # asap": the wish names nothing to learn; the subject named before it is the goal.
        papers = [group[0] for group in goal_groups if _ONLY_CREDENTIAL.search(group[0])]
        goal_groups = [[first_subject, *papers]]
    elif naming:
        goal_groups = naming  # "want evening classes w/ a schedule" beside "paralegal" says how
    strong = [group for group in goal_groups if STRONG_GOAL_CUES.search(group[0])]
    if strong and len(goal_groups) > 1 and _ALSO.search(strong[-1][-1]):
        # "hvac program near newark, … want epa 608 too": the wish adds to the subject first
        # said, and says nothing more than what it adds.
        addition = _WISH_OPENING.sub("", _ALSO.sub("", strong[-1][-1])).strip()
        goal_groups = [*(g for g in goal_groups if g is not strong[-1]), [addition]]
        strong = []
    goal_parts = [part for group in strong or goal_groups for part in group]
    if goal_parts and _GOAL_BY_REFERENCE.search(goal_parts[-1]) and introduced_roles:
        # "…want to do it as a job now, home health aide": the job named beside the goal
        # is what "it" stands for; the rest of the goal clause is the learner's story.
        named = introduced_roles[-1]
        background_parts = [part for part in background_parts if part != named]
        background_parts.extend(goal_parts)
        goal_parts = [named]
    if goal_parts:
        statements.answers[GOAL] = ", ".join(goal_parts)
    if not background_parts and statements.current_role is None:
        job = _MY_JOB.search(text) or _ASKING_AS.match(text)  # "excel for my office admin job"
        named = job.group("role") if job else ""
        if _names_a_person(named):
            statements.current_role = named
    if background_parts:
        statements.answers[BACKGROUND] = ", ".join(background_parts)
    elif statements.current_role:
        statements.answers[BACKGROUND] = f"works as {statements.current_role}"
    place = location_in(text, places)
    if place is not None:
        statements.answers[LOCATION] = place
    return statements


# The hours of each session, said after how many sessions a week: "two mornings a week,
# maybe 3 hours each", "3 noches por semana, 3 horas cada noche".
_EACH_SESSION = re.compile(
    r"\b(?:each|cada|a (?:day|night)|per (?:day|night|session|class)|every (?:time|session))\b",
    flags=re.IGNORECASE,
)


def _with_sessions_before(previous: str, hours: str) -> str:
    """The hours answer, with the clause before it when that clause counts the sessions
    the hours are for ("two mornings a week" + "3 hours each" is 6 hours, not 3)."""
    if not (_EACH_SESSION.search(clean(hours) or hours) and answers.counts_sessions(previous)):
        return hours
    joined = f"{previous}, {hours}"
    together = answers.parse_hours_per_week(joined)
    if together is None or together == answers.parse_hours_per_week(hours):
        return hours
    return joined


# A clause that asks or tells rather than names: "whats it about", "does the google one…".
_ASKS_SOMETHING = re.compile(
    r"^(?:what|whats|what's|how|which|who|why|when|where|does|do|did|is|are|can|could|will|"
    r"would|should|not|no|any|anything|got|save|bookmark|compare|cual|cu[aá]l|que|qu[eé]|"
    r"el|la|los|las|hay|trabajo|its|it's|that|thats|these|those|this|ok|okay|so)\b",
    re.IGNORECASE,
)
# A wish for something named elsewhere in the message: "need it within 2 months".
_WANTS_IT = re.compile(r"\b(?:need|want|get|finish|done with) it\b", re.IGNORECASE)
# Who asks, in a question about the goal: "can a teacher with zero coding experience learn
# python", "is it too late for a 45 year old truck driver to become a nurse".
_ASKING_AS = re.compile(
    r"^\W*(?:can|could|should|would|is it (?:possible|realistic|too late) for)\s+(?:an?|the)\s+"
    r"(?:\d+\s*(?:year|yr)s?[- ]old\s+)?(?P<role>[a-z][\w/&-]*(?:\s+[a-z][\w/&-]*){0,2}?)\s+"
    r"(?:with|who|to|learn|switch|become|get|go|move|pivot|break|start)\b",
    flags=re.IGNORECASE,
)
# The job a goal is for: "excel + power bi for my office admin job".
_MY_JOB = re.compile(
    r"\b(?:for|at|in|from) my (?P<role>(?!(?:current|day|new|full|part|old|first|next|dream|own|"
    r"main|regular|real|second|other|future|last|previous|prior|summer)\b)[a-z][\w/&-]*(?:\s+[a-z][\w/&-]*){0,2}?)\s+"
    r"(?:job|position|role|gig)\b",
    flags=re.IGNORECASE,
)


# Words that only qualify a constraint; a clause made of them and a constraint
# ("free courses only", "online classes") is not a goal.
_CONSTRAINT_WORDS = re.compile(
    r"\b(?:i(?:'d| would)? (?:want|like|need|prefer)|i(?:'m| am) looking for|looking for|"
    r"courses?|class(?:es)?|training|programs?|programmes?|only|please|something|ones?|need|"
    r"needs|part|obviously|obv|bc|because|you|practice|shop|hands|would|ideal|works?|"
    r"preferably|ideally|that(?:'s| is| are)?|which|are|is|it|has to be|have to be|must be|"
    r"should be|a|an|the|some|any|for|of|me|my|with|at|on|in|to|be|and|or|i|can|could|will|"
    r"now|study|go|do|basically|really|want|wanna|like|sit|take|the exam|exam|test|working|"
    r"employed|hired|done|finished|ready|got|off|so|maybe|studying|learning|everyday|every|"
    r"each|daily|total|tops|ok|okay|fine|but|better|recorded|live|pace|own|tho|though|just|"
    r"(?:free|spare|extra) time|spare|extra|free|covers?|covered|pays?|paid|reimburs\w*|"
    r"severance|stuff|things|asap|money|isn'?t|is ?nt|issue|problem|concern|object|tight|"
    r"whats|what's|cheapest|how much|most|up|job|jobs|start|begin|starting|cuanto|cu[aá]nto|"
    r"cuestan?|precio|"
    # Spanish words around a limit: "puedo estudiar 5 horas por semana", "solo en línea"
    r"puedo|estudiar|solo|pagar|como|clases|cursos?|prefiero|y|o|en|de|la|el|los|las|un|una|"
    r"si|se|puede|es|mejor|que|son|porfa|por favor|pls|plz|quiero|hacerlo|tomarlo|mi|tengo|"
    r"presupuesto|d[oó]lares|"
    r"estudiarlo)\b",
    flags=re.IGNORECASE,
)


def _only_constraints(clause: str, typed: dict[str, str]) -> bool:
    """'free courses only' and 'online classes please' constrain; they name no topic."""
    if answers.turns_down_paper(clause) and not _subject_words(clause, frozenset()):
        return True  # "no cert needed" turns a credential down: a limit, never a wish
    if not typed:
        return False
    if not re.sub(r"[\W\d_]+", "", _without_constraints(clause)):
        return True
    # "quiero terminar en 6 meses" wishes only for a deadline; a wish for a credential
    # ("want to get certified again") is left to the goal reader.
    return bool(set(typed) - {CREDIT}) and not _subject_words(clause, frozenset())


# Where or how the learner wants to work: "quiero trabajar desde casa", "work from home".
_WORKPLACE_WISH = re.compile(
    r"\b(?:trabajar desde (?:casa|mi casa)|trabajar (?:remoto|en remoto|a distancia)|work(?:ing)? "
    r"(?:from|at) home|work(?:ing)? remote(?:ly)?|remote work|wfh)\b",
    flags=re.IGNORECASE,
)
# A wish for anything at all: "learn something that pays more", "anything in healthcare".
_VAGUE_WISH = re.compile(r"\b(?:something|anything|whatever)\b", flags=re.IGNORECASE)
# Small talk, and a learner who says they have no goal yet: "how are you today", "i'm not
# sure what i want to do yet honestly".
_NO_GOAL_YET = re.compile(
    r"^\s*(?:(?:hi|hey|hello|hiya|good (?:morning|afternoon|evening)|ok(?:ay)?|so)\b[\s!,.]*)*"
    r"how (?:are|r) (?:you|u|ya|y'?all)\b(?:\s+(?:doing|today|this (?:morning|evening)))*[\s!?.]*$|"
    r"\b(?:not sure|unsure|no idea|idk|(?:i )?(?:don'?t|dont|do not) (?:really )?know|dunno)\b"
    r"[^.?!]{0,12}\bwhat (?:i (?:want|wanna|should|'?d like)|to (?:do|study|learn|pick))\b",
    flags=re.IGNORECASE,
)
# Who pays and who asks: "company pays for it", "my uncle covers it" name no subject.
_PAYERS = re.compile(
    r"\b(?:company|employer|work|job|boss|uncle|aunt|mom|dad|parents?|brother|sister|"
    r"hermano|hermana|gi bill|workforce|unemployment|state|it|they|he|she|we)\b",
    flags=re.IGNORECASE,
)


def _names_a_subject(clause: str, places: frozenset[str]) -> bool:
    """A clause of limits that also names what to learn: two content words or more are
    left once the limits, payers, a place and how it should be are taken out ("medical
    billing and coding online self paced under 500"; not "company pays for it", "in person
    only, near trenton", "blended would be perfect bc of my kids")."""
    rest = _HOW_IT_SHOULD_BE.sub(" ", _PAYERS.sub(" ", _without_constraints(clause)))
    if (place := location_in(rest, places)) is not None:
        rest = rest.replace(place.split(",")[0].lower(), " ")
        rest = re.sub(rf"\b(?:near|around|in|by|{_STATES})\b", " ", rest)
    words = [w for w in re.findall(r"[a-z+#]{2,}", rest) if w not in STOPWORDS]
    # "hay algo mas barato o gratis?": words of a wish name nothing to learn.
    return len(words) >= 2 and bool(_WISH_WORDS.sub(" ", " ".join(words)).strip())


# Words of a wish that name nothing to learn: "wanna start asap", "get certified again".
_WISH_WORDS = re.compile(
    r"\b(?:get|getting|become|becoming|be|go|going|into|again|back|asap|soon|start|started|"
    r"finally|actual|real|proper|legit|certified|certification|certificate|cert|licensed|"
    r"licen[cs]e|credential|done|finish|asap|nights?|weeknights?|mornings?|afternoons?|"
    r"evenings?|lol|idk|yo|ok|okay|pls|please|thanks|really|also|too|new|career|path|"
    r"field|something|anything|stuff|thing|things|somewhere|where|what|how|when|which|who|"
    r"should|would|could|will|can|need|needs|do|does|did|know|tell|help|say|says|said|fall|"
    r"spring|summer|winter|usually|cost|costs|price|much|long|take|takes|structured|deadlines?|"
    r"instructor|teacher|videos?|presencial(?:es)?|terminar\w*|empezar|semanas?|meses|porque|"
    r"ya|trabajo|none|nothing|nope|nah|yes|yeah|no|fast|quick|quickly|urgently|job|out|anyway|"
    r"ugh|hmm+|um+|uh+|welp|meh|sigh|story|hay|algo|m[aá]s|barat[oa]s?|cheaper|cheap|"
    r"gratis|gratuit[oa]s?|o|sin|horarios?|fij[oa]s?|porfa|cursos?|solo|been|saving|saved|"
    r"whatever|"
    # Spanish hedges around a figure: "unas cinco horas", "más o menos"
    r"unas|unos|aproximadamente|menos|quiz[aá]s?|tal vez|puedo|s[oó]lo|"
    r"nvm|nevermind|never mind|wait|actually|oops|sorry|hey|hi|hello|honestly|sure|unsure|"
    r"dunno|clue)\b",
    flags=re.IGNORECASE,
)
# Words that say how the course should be, or for whom, and name nothing to learn: "full
# program", "blended would be perfect bc of my kids", "want to switch over", "a cert
# employers actually recognize", "no budget limit", "credits toward a bachelors".
_HOW_IT_SHOULD_BE = re.compile(
    r"\b(?:(?:set|fixed|same|specific) times?|full|perfect|great|fine|ideal|nice|best|better|"
    r"kids?|children|switch|over|pivot|"
    r"transition|employers?|recogni[sz]e[sd]?|respected|valid|official|actually|set|"
    r"schedules?|limit|programs?|programmes?|credits?|bachelors?|associates?|degree|"
    r"transfers?|transferable|counts?|towards?|structure|structured|accountability|"
    r"keeps?|honest|lol|yo|accredited|pdf|instructors?|sessions?|aside|pocket|love|theres|"
    r"hard|dates?|holidays?|show|ones|campus|rather|spend|spending|id|meets?|cohorts?|mentors?|"
    r"class|classes|way|graduate|level|needed|required|necessary)\b",
    flags=re.IGNORECASE,
)


# A clause that tells a story rather than naming a subject: "kids are finally all in
# school", "ok so long story", "make 15 an hour at a call center".
_STORY = re.compile(
    r"^(?:i|im|i'm|my|we|they|he|she|it|its|it's|ok|okay|so|kids|make|made|work|worked|got|"
    r"have|had|live|lived|been|was|earn|did|the|can|could|cant|can't|dont|don't|didnt|"
    r"didn't)\b|\b(?:is|are|was|were|am|has|have|had)\b",
    flags=re.IGNORECASE,
)
_PAPER = re.compile(r"\b(?:certif\w*|cert|licen[cs]\w*|credential|recertif\w*|renew\w*)\b", re.I)
# A job the learner held: "i was a pharmacy tech like 10 yrs ago".
_PAST_ROLE = re.compile(
    r"\b(?:i was|was|been|used to be) (?:a|an) (?P<role>[a-z][\w/&-]*(?: [a-z][\w/&-]*){0,2}?)"
    r"(?= (?:for|like|about|until|before|at|in|back|when|\d)\b|$)",
    flags=re.IGNORECASE,
)


def _names_it(clause: str) -> bool:
    """A short clause that names something rather than telling a story."""
    return len(clause.split()) <= 8 and not _STORY.search(clause)


def _subject_words(clause: str, places: frozenset[str]) -> list[str]:
    """The words of a clause left once limits, wishes, payers and places are taken out:
    what it names to learn ("plumbing"; nothing in "want to get licensed")."""
    said = clause.lower()
    if (place := location_in(clause, places)) is not None:
        said = said.replace(place.split(",")[0].lower(), " ")
    rest = _without_constraints(said)
    rest = _WISH_WORDS.sub(" ", GOAL_CUES.sub(" ", _PAYERS.sub(" ", rest)))
    rest = _HOW_IT_SHOULD_BE.sub(" ", _WORKPLACE_WISH.sub(" ", rest))
    rest = re.sub(r"\b(?:tx|nj|texas|jersey|new jersey|area|person)\b", " ", rest)
    return [w for w in re.findall(r"[a-z+#][a-z0-9+#]+", rest) if w not in STOPWORDS]


def _without_constraints(clause: str) -> str:
    """The clause without its constraint words and figures (lower case)."""
    rest = _CONSTRAINT_WORDS.sub(" ", clean(clause) or clause.lower())
    for pattern in (_HOUR_CUES, _BUDGET_CUES, _DEADLINE_CUES, _CREDIT_CUES):
        rest = pattern.sub(" ", rest)
    rest = re.sub(
        r"\b(?:online|remote(?:ly)?|virtual|in[- ]person|on[- ]site|onsite|classroom|blended|"
        r"hybrid|self[- ]paced|own pace|my own pace|scheduled|schedule|fixed|live|evening|"
        r"weekends?|part[- ]time|full[- ]time|\d+(?:\.\d+)?(?:ish)?|about|around|up to|under|"
        r"max(?:imum)?|"
        r"less than|no more than|per|weeks?|wks?|months?|years?|days?|hours?|hrs?|a day|weekly|"
        # Days and times of day say when, not what: "mon wed fri mornings".
        r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?s?|tuesdays?|wednesdays?|"
        r"thursdays?|saturdays?|(?:week)?nights?|mornings?|afternoons?|evenings?)\b",
        " ",
        rest,
    )
    return rest
