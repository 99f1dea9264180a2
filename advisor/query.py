"""The search query is the goal's topic, not the learner's whole message.

"I'm a receptionist and I want free courses on payroll" is a question about payroll:
"free" is a budget, "receptionist" is where the learner is now, "I want courses on" is
how people talk. Searching the whole sentence matched "free" as a topic ("Free Cash Flow
Analysis") and "receptionist" as one. So the query is built from the goal with the
current role, constraint words (price, format, hours, weeks, amounts), level words and
politeness removed; level words become a soft level preference. The learner's current
role and background are kept aside, so ranking can push down what they already know.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from advisor.acronyms import CAPITALS_ONLY, Spelled, expand, full_forms
from advisor.profile import MAX_QUERY_CHARS, LearnerProfile
from advisor.topic_words import catalog_words
from index.occupations.matcher import OccupationMatch, OccupationMatcher, split_current_role
from index.occupations.model import TechnologySkill
from index.places import gazetteer, state_code
from index.schema import Level
from index.text import STOPWORDS, tokenize

OCCUPATION_SKILLS = 6  # as many as the advisor names to the learner

_NUMBER = r"\d+(?:[.,]\d+)?"
_AMOUNT = rf"(?:[$£€]\s?{_NUMBER}k?|{_NUMBER}k?\s*(?:dollars?|usd|bucks|euros?|eur|pounds?|gbp))"
_DURATION_UNIT = (
    r"(?:h|hrs?|hours?|mins?|minutes?|days?|weeks?|wks?|months?|years?|evenings?)(?![\w])"
)
_PER = r"(?:\s*(?:a|per|each|every|/)\s*(?:day|week|wk|month|evening|night))?"
# Constraint phrases: they say what the learner can afford, not what they want to learn.
_LIMIT = r"(?:under|below|less than|up to|at most|max(?:imum)?|no more than|within|around|about)"
_CONSTRAINTS = [
    rf"\b{_LIMIT}?\s*{_AMOUNT}",
    rf"\b(?:{_LIMIT}|for|in)?\s*"
    rf"(?:{_NUMBER}|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of)"
    rf"(?:\s*(?:-|to)\s*{_NUMBER})?\s*{_DURATION_UNIT}{_PER}",
    r"\b(?:on|with)? ?a (?:tight |small |limited )?budget\b",
    r"\bbudget\b",
    r"\b(?:for )?free(?: of charge)?\b",
    r"\b(?:cheap|cheaper|cheapest|affordable|inexpensive|low[- ]cost|no[- ]cost|"
    r"budget[- ]friendly)\b",
    r"\b(?:in|at) (?:an? |the )?(?:real|actual|physical|proper|traditional)?\s*"
    r"(?:classroom|class room|school setting)s?\b",
    # Not a format inside a product's name: "QuickBooks Online", "Microsoft Office Online".
    r"(?<!quickbooks )(?<!office )(?<!google )\b(?:online|remote(?:ly)?|virtual(?:ly)?|"
    r"in[- ]person|on[- ]site|face[- ]to[- ]face|"
    r"classroom|blended|hybrid|distance)\b",
    r"\b(?:self[- ]paced|at my own pace|on my own schedule|flexible|scheduled|part[- ]time|"
    r"full[- ]time|evenings?|weekends?|nights?|mornings?)\b",
    r"\b(?:short|quick(?:ly)?|fast|intensive|crash)\b",
    r"\b(?:asap|as soon as possible|lo m[aá]s (?:pronto|r[aá]pido) posible|cuanto antes)\b",
    r"\b(?:near me|nearby|close(?:r)? to (?:home|me|where i live)|local(?:ly)?)\b",
    # A time frame is a deadline: "this quarter", "by the end of the year".
    r"\b(?:this|next|by (?:the )?end of (?:the |this )?)\s*(?:week|month|quarter|semester|term|"
    r"year|summer|spring|fall|autumn|winter)"
    r"(?:\s+or\s+(?:the\s+)?(?:next|following|after)(?:\s+(?:one|week|month|year))?)?\b",
    r"\b(?:within|in|under)\s+(?:~|about |around |roughly )?(?:a|an|one|two|three|six|the next|"
    r"\d+)\s*(?:few |couple of )?(?:days?|weeks?|wks?|months?|mos?|years?|yrs?)\b",
    r"\bby (?:the )?(?:summer|spring|fall|autumn|winter|christmas|january|february|march|"
    r"april|may|june|july|august|september|october|november|december)\b",
    # Purpose, not topic: "for my office job", "for work".
    r"\bfor (?:my |our |the |a )?(?:current |new |office |day )?(?:job|work|role|career|team|"
    r"company|business|employer)\b",
]
# Words that carry no topic at the edges of what is left ("on payroll and" -> "payroll").
# Deliberately not index.text.STOPWORDS, which holds "it" and "learning" ("IT support",
# "deep learning" are topics).
_EDGE_WORDS = frozenset(
    """a an the and or to for on in about of with my our me i i'm i'd im id into at by from
    how use using learn become becoming get getting be being do some any more better so also
    want wants wanted wanna would like love need needs needed hope hoping plan planning try
    trying am is are was move moving switch switching transition transitioning go going
    start starting break into improve improving understand understanding work working
    job role career interested keen own looking take taking now just really finally
    actually""".split()
)
# At the end only function words go: "how children learn" keeps its verb.
_TRAILING_WORDS = frozenset(
    """a an the and or to for on in about of with my our at by from so maybe perhaps
    probably class classes course courses get getting pass take properly professionally
    fast quickly asap within whichever whatever etc but only en study prep want wanna
    need possible starting if still""".split()
)

_LEVELS = {
    Level.BEGINNER: r"\b(?:beginners?|beginning|basics?|basic|introduct(?:ion|ory)|intro|"
    r"fundamentals?|from scratch|entry[- ]level|novice|starter)\b",
    Level.INTERMEDIATE: r"\b(?:intermediate)\b",
    Level.ADVANCED: r"\b(?:advanced|expert|master ?class)\b",
}
_POLITENESS = (
    r"\b(?:please|pls|thanks?(?: you)?|thank you|kindly|hi|hello|hey|good (?:morning|afternoon|"
    r"evening)|could you|can you|would you|help me(?: to)?|i'?d love to|i would love to|"
    r"recommend(?:ations)?|suggest(?:ions)?|some|any|something|anything)\b"
)
# How people ask, not what about: "I want to find courses on", "looking for a class in".
_ASKING = (
    r"\b(?:i'?m|i am|i'?d|i would|i)?\s*(?:want(?:ing)?|wanna|need|like|looking|hoping|"
    r"trying|planning|interested|keen)?\s*(?:to|for|in)?\s*(?:find|get|take|do|start|"
    r"(?<!machine )(?<!deep )(?<!e-)(?<!distance )learn(?:ing)?(?: about| how to)?|study(?:ing)?)?"
    r"\s*(?:an?|some|the)?\s*"
    r"(?:(?:online )?(?:courses?|classes?|programs?|programmes?|trainings?|lessons?|"
    r"tutorials?|certificates?|certifications?)\s*(?:on|in|about|for|of|to)?)\b"
)
# How goals are stated around the topic, not the topic: the credential ("pass the …
# exam", "certified", "licence"), the ambition ("how do I become", "what should I study
# to", "start on the path to", "get good at"). Removed from the words searched (BM25F
# and the agreement test), kept in the sentence whose meaning is searched.
# A purpose clause says why, not what (see _FRAMING).
_PURPOSE = (
    # Not the learner's own aim ("I want to get my EMT"): a purpose follows a topic.
    r"(?<!want)(?<!wants)(?<!wanting)(?<!need)(?<!needs)(?<!needing)(?<!like)(?<!hope)"
    r"(?<!hoping)(?<!trying)(?<!aiming)(?<!planning)(?<!going)(?<!have)(?<!used)"
    r"\s(?:so (?:that )?(?:i|we) (?:can|could|will)|"
    r"so (?:that )?(?:our|my|the|his|her|their) \w+(?: \w+){0,2} (?:can|could|will|would|keeps?|"
    r"stops?|gives?|lets?|hires?|pays?|looks?|gets?|works?|is|are)|"
    # "medical spanish to triage my patients": to do something to someone's things
    r"to (?!be\b|do\b|the\b|a\b|an\b)[a-z]+ (?:my|our|their|his|her) \w+|"
    # "hvac tech, theres always ac work in san antonio": why, not what
    r"(?:there'?s|theres|there is|there are) (?:always|a lot of|lots of|plenty of|good|more|"
    r"so much)|"
    r"so i|in order to|because|bc|since|cause|cuz|before|"
    # "japanese for a trip to tokyo": what it is for, not what it is
    r"for (?:a|an|my|our|the) (?:\w+ )?(?:trip|vacation|holiday|visit|honeymoon)\b|"
    r"for (?:a|an|the|my) (?:[\w-]+ ){0,3}(?:interview|exam|test|job application)|"
    r"for (?:a|an|the|my) (?:new |current |next )?(?:[\w-]+ )?(?:site|job|position|gig|contract|"
    r"promo(?:tion)?)\b|"
    r"instead of|without|while (?:i|still|working|keeping|holding)|for (?:to )?(?:get(?:ting)?|"
    r"find(?:ing)?) (?:an?|my|the|better|more|new|good)\b|to (?:get|land|teach|help|"
    r"become|run|charge|talk|move|lead|switch|make|earn|find|keep|automate|build|stay|drive|"
    r"support|grow|promote|track|qualify|advance|speed up))\b.*$"
)
# How the question is put, around the topic, read before anything else is removed (the
# other rules take words these need): "what is the fastest way to get a CDL", "I'm 35 and
# thinking about becoming a paralegal, where should I start?", "I keep hearing about
# machine learning", "which certification is best for a beginner in cloud computing?",
# ", are there programs near Dallas?", "after 10 years in retail", "for my small business".
_FRAMINGS = [
    # "fastest legit way to get security+", "best way to get an entry IT job"
    r"^\s*(?:what(?:'s| is)\s+|whats\s+)?(?:the\s+)?(?:fastest|quickest|best|easiest|cheapest|"
    r"simplest)\s+(?:\w+\s+)?(?:way|path|route)\s+(?:for\s+me\s+)?(?=to\b|into\b)(?:to\s+)?(?:(?:get|become|"
    r"learn|pass|earn|break)\s+(?:into\s+)?|into\s+)?(?:an?\s+|my\s+|the\s+)?",
    # "can an art teacher switch to ux design": who asks, and the move, are framing.
    r"^\s*(?:can|could|should|would)\s+(?:an?|the|someone like me|someone|somebody|a person|i)"
    r"\s+(?:[\w-]+\s+){0,3}?(?:switch|move|transition|pivot|go|get|break)\s+(?:in)?to\s+",
    # "can a teacher with zero coding experience learn python": who asks is framing.
    r"^\s*(?:can|could|should|would)\s+(?:an?|the|someone|somebody|a person)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:learn|study|pick up)\s+",
    # "…myself instead of paying an agency": what the learner avoids is not the topic.
    r"\s+instead of\s+\w+ing\b.*$",
    r"\s+(?:that|which) (?:can |will |would |should )?(?:gives?|counts?|offers?|comes? with|"
    r"awards?|carries|transfers?|meets?|satisf(?:y|ies)|fulfills?)\b.*$",
    # "PMP prep that covers the 35 contact hours": the hours it must give, not the topic.
    r"\s+(?:that|which) (?:covers?|includes?|has|gives?|provides?) (?:the |all |my )?(?:\d+\s*)?"
    r"(?:contact hours|pdus?|ceus?|ce hours|credit hours|clock hours|hours)\b.*$",
    # "Is medical billing and coding a good career?"
    r"^\s*(?:is|would|does)\s+(?=[\w\s&/+-]{2,50}?\s+(?:be\s+|make\s+)?(?:a\s+)?(?:good|decent|"
    r"smart|solid|viable|stable|worthwhile|realistic)\s+(?:career|field|job|path|option|choice|"
    r"move|trade)\b)",
    r"\s+(?:be\s+|make\s+)?(?:a\s+)?(?:good|decent|smart|solid|viable|stable|worthwhile|realistic)"
    r"\s+(?:career|field|job|path|option|choice|move|trade)\b.*$",
    # "looking to move into management"
    r"^\s*(?:i'?m\s+|im\s+)?(?:looking|hoping|trying|wanting|aiming|planning) to (?:move|get|"
    r"break|transition|switch|go|step) (?:up )?(?:in)?to\s+",
    # "a medical coder and work from home": where, not what
    r"\s+(?:and\s+|so (?:that )?i can\s+|to\s+)?(?:work|working|trabajar)\s+(?:from|at|desde)\s+"
    r"(?:home|casa|mi casa)\b.*$",
    # "bookkeeping from home for small businesses": where, not what
    r"(?<=[a-z])\s+(?:from|at) home\b(?!\s+(?:health|care|inspect|improve|design|decor|staging|"
    r"repair|build))",
    # "bookkeeping for small businesses like my friends salon": who the work is for
    r"(?<=[a-z])\s+for (?:other |local )?small (?:businesses|business owners|companies)\b.*$",
    # "spanish for my job as a nurse": who it is for.
    r"\s+for (?:my|a|the|his|her) (?:job|work|role|position) as (?:an?\s+)?\w+.*$",
    # "bookkeeping for my wife's bakery", "marketing for our food truck": whose work it serves.
    r"(?<=[a-z])\s+for (?:my|our|his|her|their) (?:[\w-]+'s\s+|own\s+|family\s+|little\s+|"
    r"small\s+)?(?:[\w-]+\s+){0,2}?(?:business|biz|bakery|shop|store|restaurant|salon|company|"
    r"farm|practice|church|nonprofit|startup|side hustle|brand|cafe|food truck|etsy|website|"
    r"channel|clinic|kids|family|grandkids|grandchildren)\b(?:(?=\s+(?:on|in|with|using|via|"
    r"through)\b)|.*$)",
    # "can i become a tax preparer at my age", "coding at 45": the asker's age.
    r"(?<=[a-z])\s+(?:at|in) (?:my|this|that|our) (?:age|point|stage(?: of (?:my )?life)?|"
    r"(?:early |late |mid )?\d0s)\b.*$|(?<=[a-z])\s+at (?:age )?[2-7]\d\b(?!\s*(?:hours?|hrs?|"
    r"dollars|bucks|\$|%|percent|wpm))",
    # "cosmetology license how much does it cost?": the question after the topic.
    r"(?<=\w)(?<!^yo)(?<!^so)(?<!^ok)(?<!^hey)(?<!^hi)(?<!^and)(?<!^but)(?<!^um)\s+how "
    r"(?:much|long) (?:does|do|will|would|is|are) (?:it|that|this|they|one)\b.*$",
    # "computer basics, email, word, esas cosas": filler at the end of a list.
    r",?\s+(?:y\s+)?(?:esas|esos|estas|estos) cosas\b.*$|,?\s+(?:and|&) (?:stuff|things) like "
    r"that$|,?\s+(?:that kind of|that sort of) (?:stuff|thing)$",
    # "an intro stats course w/ transferable college credit": the credit is a constraint.
    r"\s+(?:w/|with|for|that has|that gives)\s+(?:transferr?able\s+)?(?:college\s+|academic\s+|"
    r"degree\s+|university\s+)?credits?\b(?!\s+(?:analys|risk|card|union|score|repair|manag))"
    r".*$",
    # Advice passed on: "my cousin does IT helpdesk and says i should do comptia a+",
    # "friend said i should look into project management".
    r"^.*?\b(?:said|says|told me|tells me|recommended|suggested|thinks|keeps? (?:telling me|"
    r"saying))\b(?:\s+that)?\s+"
    r"(?:i|me)\s+(?:should|to|could|might|need to|gotta)\s+(?:go back (?:to school )?and\s+)?"
    r"(?:do|get|take|go for|look into|try|"
    r"consider|check out|study|learn|go into|get into|become|be)\s+",
    # "get into IT with my GI bill": who pays is a limit, not the topic.
    r"(?<=\w)\s+(?:with|using|on|through)\s+(?:my|the|a)\s+(?:gi bill|post[- ]9/11|voc rehab|"
    r"wioa(?: grant)?|pell(?: grant)?|tuition (?:assistance|reimbursement)|employer(?:'s)? money|"
    r"va benefits?)\b",
    # "clases de cosmetology", "cursos de excel": the Spanish for classes is framing.
    r"^\s*(?:(?:unas?|las|los)\s+)?(?:clases|clase|cursos?|programas?)\s+(?:de|para)\s+",
    # "do u guys have anything free for learning excel?"
    r"^\s*(?:do|does|would|can)\s+(?:u|you|y'?all|you guys|u guys|this|credwise)\s+(?:guys\s+)?"
    r"(?:have|got|know of|offer)\s+(?:any(?:thing)?|something|some)\s+(?:\w+\s+)?(?:for|on|about|"
    r"in)\s+(?:learning\s+|studying\s+)?",
    # "photography just for fun nothing serious", "ux design bootcamp recs?"
    r"(?<=[a-z])[.,]?\s+(?:(?:just|mostly|only|purely|mainly)\s+)?for fun\b.*$|"
    r",?\s+nothing serious\b.*$",
    r"(?<=[a-z])\s+(?:recs|recommendations|suggestions|ideas)\s*\??$",
    # "this is kinda random but is it too late to learn coding": the aside and the doubt.
    r"^.*?\b(?:is it|am i)\s+(?:too late|too old)\s+(?:for me\s+)?to\s+(?:learn|start|get into|"
    r"become|study|go into)\s+",
    # "Can someone recommend a good excel course?"
    r"^\s*(?:can|could|would)\s+(?:someone|anyone|somebody|you|u|y'?all)\s+(?:please\s+)?"
    r"(?:recommend|suggest|point me to|help me find|"
    r"tell me (?:if|whether) there(?:'?s| is| are))\s+"
    r"(?:me\s+)?(?:an?\s+)?(?:good|decent|solid)?\s*",
    # "yo how do i get into IT help desk": a greeting or filler before the question.
    r"^\s*(?:(?:yo|hey|hi|hello|so|ok|okay|um+|uh+|hmm+|bro|lol|ngl|tbh|honestly)[,!.]?\s+)+"
    r"(?=(?:how|what|where|which|can|could|is|are|i|need|want|wanna|tryna|looking)\b)",
    # "want to teach now - how do i get an alternative teaching certification": the
    # question after the wish names what to get.
    r"^.+?[,;-]\s*how (?:do|can|could|would|should) i (?:get|become|earn|start)\s+(?:into\s+)?"
    r"(?!(?:started|going|there|in|it|this|that)\b)(?:an?\s+|my\s+|the\s+)?",
    # "tecnico de HVAC pero no se por donde empezar", "… but idk where to start"
    r"\s+(?:pero|but)\s+(?:no s[eé]|idk|i don'?t know|dunno|not sure)\s+(?:por\s+)?"
    r"(?:d[oó]nde|where|how|what|if|whether|which|why|si)\b.*$",
    r"\s*,?\s+i guess\b.*$",
    # "idk something with computers that pays better than driving": the hope, not the topic.
    r"^\s*(?:idk\s+|i don'?t know\s+|maybe\s+)?something (?:with|in|involving|related to|"
    r"to do with)\s+",
    r"\s+(?:that|which|where (?:you|u|i))\s+(?:pays?|makes?|earns?)\b.*$",
    # "EV and hybrid training for mechanics", "excel for accountants": who it is for.
    r"\s+for (?:\w+ )?(?:mechanics|technicians|techs|managers|accountants|"
    r"drivers|assistants|workers|parents|seniors|adults|professionals|employees|staff|"
    r"caregivers|veterans|vets|admins|beginners and \w+)$",
    # "basic ASL for a Deaf student in my class": who it is for.
    r"\s+for (?:a|an|my|our|the) (?:\w+ ){0,2}(?:students?|child(?:ren)?|kids?|son|daughter|"
    r"coworkers?|co-workers?|customers?|clients?|patients?|residents?|family|parents?|mom|dad)\b.*$",
    # "a CNA course over summer break, thats 10 weeks": when, not what.
    r"\s+(?:over|during|this|next) (?:the )?(?:summer|winter|spring|christmas|holiday)"
    r"(?: break| vacation| holidays?)?\b.*$",
    # "if i get my food manager i can get promoted": the paper is the topic, not the promise;
    # "my manager said if i get my servsafe manager cert …": who said so is framing too.
    r"^(?:(?:(?:my|our|the) )?\w+(?: \w+){0,2} (?:said|says|told me|tells me)\s+(?:that\s+)?)?"
    r"\s*if i "
    r"(?:get|got|had|have|"
    r"could get|earn|pass)\s+(?:my |a |an |the )?",
    r"\s+(?:i|then)\s+(?:(?:can|could|will|would|might|should)\s+)?(?:get|be|make|move|go)\b.*$",
    r"\s+i'?d\s+(?:have|get|be|make|stand)\b.*$",
    r"^\s*(?:some\s+)?(?:kind|sort|type) of\s+",
    r"\s+(?:there'?s|theres|there is|they'?ll|theyll|they will|they'?d|theyd) (?:a |an )?(?:spot|"
    r"job|place|position|role|opening|promotion|raise|consider)\b.*$",
    # "SQL for a possible move into legal tech", "lightroom mainly for my grandkids' pictures"
    r"\s+for (?:a |an |my )?(?:possible |potential |future |eventual )?(?:move|switch|transition|"
    r"career change|pivot) (?:into|to)\b.*$",
    r"\s+(?:mainly|mostly|especially|primarily) for\b.*$",
    r"\s+mientras\b.*$",
    # The move, not the subject: "switch from bank teller to a career in cybersecurity",
    # "get out of education and into instructional design".
    r"\b(?:switch|switching|move|moving|transition(?:ing)?|pivot(?:ing)?|go|going|change|"
    r"changing)\s+(?:careers?\s+)?from\s+(?:a |an |being (?:a |an )?|my )?[\w\s/&-]{1,40}?\s+"
    r"(?:to|into|in ?to)\s+(?:(?:a |an )?(?:career|job|role|position|field|work)\s+(?:in|as)\s+"
    r"(?:an? )?)?",
    r"\b(?:get |getting )?out of [\w\s]{1,40}? and (?:in)?to\s+",
    # Where and what kind of place: "welding school in the houston area", "a UX bootcamp".
    r"\s+in the [\w\s]{1,25}? area\b",
    r"(?<=[a-z+#]{2})(?<!high)\s+(?:school|bootcamp|boot camp)\b(?=\s+(?:in|near|with|around|"
    r"that|for)\b|\s*$)",
    # Spanish: "para ser asistente medica", "licencia de cosmetology", "quiero empezar como
    # CNA aqui en Dallas", "cna en brownsville tx cuanto cuestan", "cda lo necesito en 6 meses".
    r"^.*?\b(?:quiero|voy a) (?:empezar|trabajar|comenzar) (?:como|de)\s+",
    r"^\s*(?:qu[eé]|que)\s+(?:necesito|tengo que|debo|hay que)\s+(?:hacer\s+|estudiar\s+)?"
    r"(?=para\b)",
    r"\b(?:para|pa)\s+(?:ser|trabajar como)\s+(?:una?\s+)?",
    r"^\s*para\s+(?:\w+\s+de\s+)?",
    r"^\s*(?:licencia|certificado|certificaci[oó]n|curso|clases?)\s+(?:de|para)\s+",
    r"^(?:.*\b(?:sacar|obtener|conseguir)\s+)?(?:mi\s+|la\s+|una\s+)?licencia\s+(?!(?:de|del|para)\b)(?=[a-z]{2,4}\b)",
    r"\s+(?:puedo|cu[aá]nto|cu[aá]ntos|lo necesito|la necesito|aqu[ií]|donde|dónde)\b.*$",
    r"\s+en\s+[a-z]+(?:\s+[a-z]+)?\s+(?:tx|nj|texas)\b",
    r"\s+en\s+(?:texas|tx|nj|nueva jersey|new jersey)\b",
    r"\s+(?:en\s+l[ií]nea|a distancia|presencial(?:es)?)\b",  # how, not what
    # "college credits toward an associates in accounting": the degree's subject
    r"^.*?\bcredits?\s+(?:toward|towards|for)\s+(?:an?\s+|my\s+|the\s+)?(?:associate'?s?|"
    r"bachelor'?s?|degree)(?:\s+degree)?\s+(?:in|of)\s+",
    # "hospital unit secretary looking at healthcare administration": who looks is framing.
    r"^(?:[\w-]+\s+){1,5}?(?:looking|thinking)\s+(?:at|into|about)\s+",
    # "go to farrier school and shoe horses for a living": the school names the subject.
    r"^\s*go (?:to|back to)\s+(?=(?:[\w-]+\s+){1,3}school\b)",
    r"\s+and\s+(?:[\w-]+\s+){0,4}for a living\b.*$",
    # "anybody know a farrier school around stephenville": who is asked is framing.
    r"^\s*(?:does |do )?(?:any(?:body|one)|some(?:body|one)|y'?all|you guys) know (?:of )?"
    r"(?:an?\s+|any\s+|some\s+|a good\s+)?",
    # "i think project management could be a thing for me"
    r"^\s*(?:i think|i feel like|i guess|maybe)\s+",
    r"\s+(?:could|would|might) be (?:a |my )?(?:good )?(?:thing|fit|path|career|option|gig)\b.*$",
    # "mi sueño es ser enfermera pero primero quiero empezar con flebotomía": the first step.
    r"^.*\b(?:pero|but)\s+(?:primero|first)\s+(?:(?:quiero|i want to|i wanna|want to|i'?d like to)"
    r"\s+)?(?:empezar|start|begin)\s+(?:con|with|by)\s+",
    # "mejorar mi ingles para hablar con los clientes"
    r"^\s*(?:mejorar|practicar|aprender)\s+(?:mi|el|mis|su)?\s*",
    r"\s+para\s+(?:hablar|comunicarme|entender|poder)\b.*$",
    # "pass the NCLEX RN first try"
    r"\s+(?:on (?:the|my) )?first (?:try|time|attempt|go)\b.*$",
    # "phlebotomy certificate to work in a lab": where the learner means to work
    r"\s+(?:so (?:i|that i) can |to )?(?:work|get a job|get hired|be hired) (?:in|at) (?:an?|the)"
    r" [\w -]+$",
    # "necesito info sobre cursos de real estate license"
    r"^.*?\b(?:info|informaci[oó]n)\s+(?:sobre|de|acerca de)\s+(?:(?:los|las)\s+)?"
    r"(?:(?:cursos?|clases?|programas?)\s+(?:de|para)\s+)?",
    # Spanish: "quiero aprender a usar Excel", "me interesa ser asistente dental", and why
    # ("para conseguir trabajo de oficina").
    r"^\s*c[oó]mo\s+(?:saco|obtengo|consigo|me hago|puedo (?:sacar|ser|obtener))\s+(?:mi\s+|el\s+|"
    r"la\s+|un\s+|una\s+)?",
    r"^\s*(?:clases?|cursos?)\s+de\s+",
    r"^\s*(?:(?:hey|hola|hi|hello|oye|buenas)\W+)?(?:yo\s+)?(?:quiero|necesito|me gustar[ií]a|"
    r"me interesa|busco)\s+(?:volver a\s+)?(?:aprender|estudiar|"
    r"ser|sacar|mejorar|hacer|trabajar como)?\s*(?:a\s+)?(?:usar\s+)?(?:mi\s+|el\s+|la\s+|un\s+|"
    r"una\s+)?",
    # "quiero volver a ser maestra aqui en new jersey": where is said elsewhere.
    r"\s+(?:aqu[ií]|ac[aá])\s+en\b.*$",
    r"\s+para\s+(?:conseguir|tener|trabajar|poder|encontrar|mejorar)\b.*$",
    # "how long does it take to learn carpentry?", "how much would it cost to become a CNA"
    r"^\s*how (?:long|much|hard|expensive) (?:does|would|will|is) it (?:take|cost|be)\s+"
    r"(?:to\s+)?(?:learn|become|get|do|study|train)?\s*(?:as\s+)?(?:an?\s+)?",
    # "my boss wants me to take over payroll": who asks, and taking it over, are framing.
    r"^\s*(?:my|our|the)\s+(?:boss|manager|supervisor|company|employer|job|work|team|"
    r"owner)\s+(?:wants|needs|asked|is asking|told)\s+(?:me|us)\s+to\s+"
    r"(?:(?:take over|handle|do|learn|run|manage|start|get)\s+)?",
    # "is there a way to learn graphic design without paying?"
    r"^\s*(?:is there|are there)\s+(?:a|an|any)\s+(?:\w+\s+)?(?:way|ways|place|places|option|"
    r"options|chance)\s+(?:to|i can|for me to|that i can)\s+",
    # "is there a sterile processing tech program near me?", "are there any good …"
    r"^\s*(?:is there|are there)\s+(?:an?\s+|any\s+|some\s+)?(?:good\s+|decent\s+|cheap\s+)?",
    # "where can I learn to tune pianos?", "how could I train as an electrician?"
    r"^\s*(?:where|how)\s+(?:can|could|do|should|would|might|will)\s+i\s+(?:go\s+(?:to\s+)?)?"
    r"(?:learn|study|train|get (?:trained|training|certified))\s+(?:(?:how\s+)?to\s+|for\s+|"
    r"in\s+|on\s+|about\s+|as\s+(?:an?\s+)?)?",
    # "get properly good at Kubernetes": the ambition, not the subject.
    r"\b(?:get|getting|be|become)\s+(?:properly\s+|really\s+|much\s+|a lot\s+)?(?:good|better|"
    r"great|solid)\s+(?:at|with|in)\s+",
    # "run my own Google Ads without burning money on junk clicks": the worry, not the topic.
    r"\s(?:without|w/o)\s+[^,;!?]*$",
    # Who asked for it: "my director says i need my CDA", "my doctor told me to learn …".
    r"^\s*(?:my\s+|the\s+)?(?:boss|manager|director|supervisor|employer|company|work|teacher|"
    r"counselou?r|doctor|wife|husband|mom|dad|parents?|lead|owner)\s+(?:says|said|wants|told "
    r"me|thinks|asked me)\s+(?:that\s+)?(?:i\s+(?:need|should|have|must)\s+)?(?:to\s+)?"
    r"(?:(?:get|learn|do|take|have)\s+)?(?:my\s+|a\s+|an\s+|some\s+)?",
    # A trailing clause about the learner: ", my uncle does it", ", I can't leave my job".
    r"[,;.]\s+(?:my|i|i'm|im|i've|ive|we|our|he|she|they|his|her|need|needs)\b(?!\s+(?:also|"
    r"want|wanna|would like|'d like)\b).*$",
    # "a real bootcamp to become a web dev", "a certificate to work as a pharmacy tech":
    # the kind of course asked for, then the role, which is the topic.
    # Only when no subject comes before the kind: "phlebotomy certificate to work in a lab"
    # is about phlebotomy.
    r"^(?:\s*\b(?:i|i'?m|im|want|wanna|need|looking|for|get|find|take|do|a|an|the|some|any|"
    r"real|good|legit|proper|quick|short|online|cheap|free|me|best|recommend|suggest)\b)*\s*"
    r"\b(?:bootcamps?|boot camps?|courses?|class(?:es)?|programs?|programmes?|"
    r"certificates?|certs?|trainings?|diplomas?)(?:\s+[\w,'-]+){0,5}?\s+"
    r"(?:to|that (?:will )?(?:help|get)s? me)\s+"
    r"(?:become|be|get into|break into|work as|work in|start as|land a job as)\s+(?:an?\s+)?",
    # A trailing description of who is asking: ", we're a nonprofit with no money".
    r"[,;]\s*(?:we'?re|we are|i'?m|i am)\s+(?:an?\s+|the\s+)?[^,.;!?]*$",
    r"^\s*(?:what(?:'s| is)|whats|which is)\s+(?:the\s+)?(?:best|fastest|quickest|easiest|"
    r"cheapest|right|simplest)\s+(?:way|path|route|place|option)\s+to\s+(?:get\s+(?:an?\s+)?|"
    r"earn\s+(?:an?\s+)?|become\s+(?:an?\s+)?|learn\s+|start\s+(?:with\s+)?)?",
    r"^(?:[^,.;!?]{0,40}?\b)?(?:thinking (?:about|of)|considering|keep hearing about|been hearing "
    r"about|curious about|wondering about)\s+(?:(?:becoming|switching careers? (?:in)?to|"
    r"switching (?:in)?to|moving (?:in)?to|getting into|learning|doing|studying)\s+)?(?:an?\s+)?",
    # "thinking ux design?", "kinda thinking real estate": the musing is framing.
    r"^\s*(?:(?:i'?m|im|i am|was|been|kinda|kind of|maybe|now)\s+)?thinking\s+(?!about\b|of\b)",
    # "learn a real trade, thinking welding": a kind of work, then the one in mind.
    r"^.*?\b(?:a|some)\s+(?:real\s+|good\s+|new\s+|skilled\s+)?(?:trade|career|field|skill|job)\s*,"
    r"\s*(?:(?:i'?m|im|kinda|maybe|prob(?:ably)?)\s+)?(?:thinking|like|maybe|prob(?:ably)?)"
    r"(?:\s+(?:about|of))?\s+",
    # "is comptia a+ worth it to get an IT job": the subject of the question.
    r"^\s*(?:is|are|would)\s+(?!(?:it|this|that|there)\b)(?=\S+(?:\s+\S+){0,4}\s+(?:worth|enough)\b)",
    r"\s+(?:really |even |actually |well )?(?:worth it|worth the \w+|enough)\b.*$",
    # "do i need a degree to be a paralegal or is a certificate enough"
    r"^\s*(?:do|does|would|will)\s+(?:i|you|one)\s+need\s+(?:a|an)\s+(?:degree|diploma|license|"
    r"licence|certificate|cert)\s+to\s+(?:be|become|work as)\s+(?:an?\s+)?",
    r"\s+or\s+(?:is|are|would|will|do|does)\b.*$",
    # "start working toward healthcare admin, maybe a bachelors"
    r"^\s*(?:start(?:ing)?\s+|begin(?:ning)?\s+)?work(?:ing)?\s+towards?\s+(?:a\s+|an\s+|my\s+)?",
    r"[,;]\s*(?:maybe|possibly|eventually|then)\s+(?:a|an|my)\s+\w+(?:'?s)?\s*$",
    # "get sec+ and get back into IT, cyber": the field returned to is where it leads.
    r"\s+and\s+(?:get|go|move|break)\s+(?:back\s+in(?:to)?\b|in(?:to)?\s+(?:a|an|the)\s).*$",
    # "get CAPM, company is paying": who pays is no part of the subject.
    r"[,;]?\s*(?:my\s+|the\s+)?(?:company|employer|job|work|boss|gi bill|va)\s+(?:is\s+)?"
    r"(?:paying|pays|covers?|covering|reimburses?)\b.*$",
    # "speak navajo with my grandma": who the learner wants to use it with.
    r"\s+with\s+my\s+(?:grand\w+|kids?|family|mom|dad|parents|in-laws|husband|wife|"
    r"partner|clients|customers|patients|coworkers)\b.*$",
    r"^\s*(?:which|what)\s+(?:certifications?|certs?|courses?|programs?|qualifications?)\s+"
    r"(?:is|are|would be|should i (?:get|take|do))\s+(?:the\s+)?(?:best|good|right|most useful)?\s*"
    r"(?:for\s+(?:an?\s+)?(?:beginners?|newbies?|someone|me|people)\s*)?(?:in|for|to)?\s+",
    r"^\s*(?:is it|would it be)\s+worth\s+(?:it\s+)?(?:learning|getting|doing|taking|studying)\s+",
    r"^\s*(?:can|could|should)\s+i\s+(?:become|be|get|learn|start)\s+(?:an?\s+)?",
    r"^\s*(?:my\s+(?:boss|manager|employer|company|work)\s+wants\s+me\s+to\s+(?:learn|get|do|"
    r"take)\s+)",
    r"^\s*(?:looking|hoping|trying)\s+to\s+(?:upskill|reskill|skill up|level up)\s+"
    r"(?:in|on|with)\s+",
    r"[,;.]?\s*(?:where (?:should|do|can|would) i (?:start|begin)|where to (?:start|begin)|"
    r"any (?:suggestions?|recommendations?|advice|tips|ideas|thoughts)|what do i need|"
    r"what should i do|how do i (?:start|begin)|(?:are|is) there (?:any )?(?:programs?|"
    r"programmes?|courses?|classes|schools?|options?)\b)\b.*$",
    r"\s(?:without|with no|with zero|w/o)\s+(?:any\s+)?(?:experience|degree|going back to "
    r"school|a degree|background|prior experience)\b.*$",
    r"\s+after\s+\d+\s+(?:years?|yrs?|months?)\s+(?:in|as|of|at)\b[^,.;!?]*",
    r"\s+for\s+(?:my|our|a|the)\s+(?:[\w-]+\s+){0,2}(?:job|work|business|company|team|"
    r"office|shop|store|startup|employer|career|salon|bakery|restaurant|food truck|clinic|"
    r"practice|farm|church|nonprofit|side hustle|brand|channel|family|kids|customers|clients|"
    r"crew|staff|employees|patients|permit|permits|inspection|paperwork|visa|resume|promotion|"
    r"raise)\b",
    # Which part of a programme: "the electrician theory part of my apprenticeship".
    r"\s+(?:part|portion|side) of (?:my|the|our|an?) [\w-]+\b",
    # A goal said in Spanish: "quiero ser CNA", "aprender inglés para el trabajo".
    r"^\s*(?:yo\s+)?(?:(?:quiero|quisiera|me gustar[ií]a|necesito|deseo)\s+)?(?:ser\s+(?:una?\s+)?|"
    r"aprender\s+(?:a\s+)?|estudiar\s+|sacar\s+(?:mi\s+)?|tomar\s+(?:una?\s+)?(?:curso|"
    r"clases?)\s+(?:de\s+)?)",
    r"\s+para\s+(?:el|mi|los|las|la)\s+(?:trabajo|empleo|negocio|chamba|familia)\b",
    r"^\s*(?:good|great|decent|best|top)\s+(?:\w+\s+)?(?:courses?|classes|programs?)\s+"
    r"(?:for|on|in|about)\s+",
]
_FRAMING = [
    # "what's the best way for a python backend dev to move into ML engineering": the
    # asker (a current role) and the move are framing; what follows is the topic.
    r"^\s*(?:what(?:'s| is)|whats)\s+(?:the\s+)?(?:best|fastest|quickest|easiest|right)\s+"
    r"(?:way|path|route)\s+(?:for\s+(?:an?\s+|someone\s+)?[\w\s/+&-]{1,50}?\s+)?(?:to\s+)?"
    r"(?:(?:move|get|break|transition|switch|pivot|go)\s+(?:in)?to|learn|study|start(?:\s+with)?|"
    r"in ?to)\s+",
    # "is it realistic for a science teacher to switch to designing e-learning, what would
    # I need to learn": the question about the move, and the closing question, are framing.
    r"^\s*(?:is it|would it be|am i)\s+(?:\w+\s+)?(?:realistic|possible|feasible|too late|smart|"
    r"worth it|a good idea|crazy)\s+(?:for\s+(?:an?\s+|someone\s+|me\s+)?[\w\s/+&-]{0,50}?\s*)?"
    r"to\s+(?:(?:switch|move|get|break|transition|pivot|go)\s+(?:in)?to\s+)?",
    r"[,;]?\s*(?:and\s+)?what (?:would|do|should|will) i (?:need|have) to (?:learn|know|do)\b.*$",
    # A closing question about the goal: "…, what would that look like", "how does it pay".
    r"[,;]\s*(?:and\s+)?(?:what|how) (?:would|will|does|do|is|'s) (?:that|it|this) (?:look like|"
    r"take|involve|cost|pay|work|be like)\b.*$",
    # "is medical coding still worth it with ai", "is welding worth getting into": the doubt.
    r"^\s*(?:is|are)\s+(?=[\w\s&/+-]{2,50}?\s+(?:still\s+|even\s+|really\s+)?worth\s+"
    r"(?:it|getting|doing|learning|studying|going)\b)",
    r"(?<=[a-z])\s+(?:still\s+|even\s+|really\s+)?worth\s+(?:it|getting(?:\s+into)?|doing|"
    r"learning|studying|going\s+into)\b.*$",
    # "want to pivot to ux", "make the jump to data science": the move is framing.
    r"^\s*(?:(?:i\s+)?(?:want|wanna|need|hope|plan|looking|trying|hoping|planning)(?:\s+to)?\s+)?"
    r"(?:pivot(?:ing)?|make (?:the|a) (?:jump|switch|move|leap|shift)|jump|shift(?:ing)?)\s+"
    r"(?:over\s+)?(?:in)?to\s+",
    # "dental assistant instead": the word drops the old goal, it is not the new one.
    r"\binstead\b",
    r"^\s*(?:i'?ve|ive|i have) been (?:thinking|looking|considering)(?: about| of| into)?\s+",
    # "trying to get Sec+": the effort is framing.
    r"^\s*(?:(?:yo|hey|hi|so|ok|okay|well|honestly)[,!.]?\s+)?(?:i'?m\s+|i am\s+)?trying to "
    r"(?:get|learn|pass|become|break into|get into)\s+",
    # "i want to move up to lpn": the step up is framing (after a wish; "my CDA to move up
    # to lead teacher" is a purpose, read as one).
    r"(?:(?<=want to )|(?<=wanna )|(?<=need to )|(?<=like to )|(?<=hope to )|(?<=trying to )|^\s*)"
    r"move up (?:to|into)\s+(?:an?\s+|the\s+)?",
    r"\s(?:and|then)\s+(?:then\s+)?(?:get\s+|land\s+|find\s+)?(?:an?|my|the)\s+"
    r"(?:[\w+'-]+\s+){0,3}(?:job|role|position|career)\b.*$",
    # A question leading to the role: "what training do you need to become a …",
    # "where can I learn to be a …", "what does it take to become a …".
    r"^\s*(?:what|which|where|how)\b[^.?!]*?\b(?:need|have|learn|study|take|go|do|does)"
    r"\s+(?:it\s+take\s+)?(?:to\s+)(?:become|be|get into|work as)\s+(?:an?\s+)?",
    r"\b(?:pass(?:ing)?|ace|prep(?:are)? for|sit)\b(?: the| my)?",
    r"\bexams?\b",
    r"\b(?:certified|licensed|accredited|registered|qualified)\b",
    r"\b(?:licen[cs]es?|licensure|certifications?|credentials?)\b",
    r"\b(?:how (?:do|can|should|would|does) (?:i|you|one|someone|a person)|what (?:should|do|"
    r"can) i (?:study|learn|take|do)"
    r"(?: to| for)?|where (?:do|should) i start(?: with)?)\b",
    r"\b(?:start(?:ing)? )?(?:on )?(?:the|my|a) (?:path|road|way|route) (?:to|towards?)\b",
    r"\bget(?:ting)? (?:good|better|started) (?:at|with|in|as)\b",
    # The aim put as a chase: "wanting the AWS SAA cert", "aiming for the PMP", "going for
    # my CCNA", "after the Security+".
    r"^\s*(?:i'?m\s+|i am\s+)?(?:(?:wanting|aiming|going|gunning|shooting)\s+(?:to\s+(?:get|"
    r"earn|do|take|pass)\s+|for\s+|at\s+)?|after\s+(?=(?:my|the|an?)\s))(?:(?:my|the|an?)\s+)?",
    r"\bcerts?\b",
    # Whose role it is: "become our team's scrum master".
    r"\b(?:my|our|the)\s+(?:team|company|office|shop|department|boss|firm|school)'?s\b",
    # A second aim after the topic: "get my EMT and work on an ambulance".
    r"\sand\s+(?:then\s+)?(?:work|start working)(?:\s+(?:on|in|at|for)\b.*)?\s*$",
    # Who asks for it: "he wants me to learn quickbooks", "my supervisor needs me to get …".
    r"\b(?:he|she|they|my \w+|the \w+|our \w+)\s+(?:wants|needs|asked|is asking)\s+(?:me|us)\s+"
    r"to\s+(?:learn|get|do|take|know)?\s*",
    # The outcome after the subject: "digital marketing, want to run my own ads".
    r"(?<=[a-z+#]{3})[,\s]+(?:and\s+|i\s+|so\s+i\s+)?(?:probably\s+)?(?:want|wanna|need)\s+to\s+(?:run|"
    r"make|sell|open|start (?:my|a|an)|be ready|work (?:as|in|from|at)|get (?:a|hired|paid)|land)"
    r"\b.*$",
    # Chatter and examples: "lol", "tbh"; "e-commerce like setting up a shopify store".
    r"\b(?:lol|lmao|haha+|tbh|idk|imo|ngl|probably|maybe|myself|ourselves|by myself|no idea|"
    r"no clue|zero clue|"
    r"on my own)\b",
    # "get the 35 hours i need to apply for the pmp": the hours asked for, not the subject
    r"^.*?\b(?:i|you|we)\s+need\s+to\s+(?:apply|sit|qualify|register)\s+for\s+(?:the\s+)?",
    r"(?<=[a-z+#]{3})(?<!feel)(?<!would)(?<!really)(?<!also)(?<!just)(?<!don't)(?<!dont)"
    r"(?<!might)[,\s]+(?:like|such as|e\.?g\.?)\s+(?!to\b|it\b|that\b|this\b).*$",
    r"\s+(?:and )?(?:all )?that (?:\w+ )?stuff\b|\s+and (?:stuff|so on|etc\.?)\b|\s+etc\.?",
    # "before my baby comes in 4 months i want to finish a medical coding cert"
    r"^\s*before\b.*?\b(?=i\s+(?:want|need|wanna|have|gotta)\b)",
    r"\b(?:finish|complete|knock out)\s+(?:a|an|my|the)\b",
    r"\bthe right way\b|\bthe proper way\b",
    # "the 23 hours of project management education i need for the CAPM"
    r"\b(?:education|training|classes|courses?|coursework|stuff|prep|hours) (?:i|you|we) "
    r"(?:need|have) (?:for|to get|to have)\b",
    r"\b(?:properly|actually|really|well enough|enough|itself|specifically|in particular|"
    r"proper|legit|real(?!\s+(?:estate|world|time|property)))\b",
    # "Sec+ level": the level of a credential, not a topic word.
    r"\s(?:level|lvl)\s*$",
    # The job it should lead to, after the topic: "Security+ and get a SOC analyst job".
    r"\s(?:and|then) (?:get|land|find) (?:an? |my |the )?(?:[\w+'-]+ ){0,4}"
    r"(?:job|role|position|career)\b.*$",
    # What the learner brings, not what they want: "UX research with a psych degree".
    r"\s(?:with|having) (?:a|an|my) (?:[\w'-]+ ){0,3}(?:degree|diploma|background|"
    r"bachelor'?s|masters?)\b.*$",
    # A purpose clause says why, not what: "SEO so I can charge more", "SolidWorks to get
    # a CAD drafter job", "SQL and Power BI instead of copy-pasting Excel".
    _PURPOSE,
    # Job-seeking framing: "land a junior web developer job", "get hired as a welder",
    # "get a job as a data analyst": the role is the topic, not the job hunt.
    r"^\s*(?:(?:i\s+)?(?:want|need|hope|would like|'d like)\s+to\s+)?(?:land|get|find|score|"
    r"secure)(?:ing)?\s+(?:hired\s+)?(?:(?:an?|my|the)\s+)?(?:first\s+)?"
    r"(?:(?:new\s+)?(?:job|role|position|career|work)\s+)?(?:as\s+(?:an?\s+)?|in\s+)?",
    r"\b(?:junior|jr\.?)\s+",
    r"(?<=\w)\s+(?:job|role|position|gig)s?\b",
]
# A level or kind of course turned down ("hubspot itself, not marketing basics"): removed
# before the level words are read, so "basics" here does not ask for beginner courses.
_TURNED_DOWN = (
    r"[\s,]+(?:not|rather than|instead of|no more)\s+(?:the\s+|more\s+|just\s+)?"
    r"(?:[\w+-]+\s+){0,2}?(?:(?:basics|intro(?:duction|ductory)?s?|fundamentals|"
    r"beginners?(?:'s)?|generic|entry[- ]level)(?:\s+(?:stuff|courses?|things|material))?|"
    r"stuff)\b"
)
# The purpose clause's own subject, when it has one: "HubSpot so I can run email
# marketing" -> "email marketing", searched when the catalog has nothing on HubSpot.
_PURPOSE_SUBJECT = re.compile(
    r"^\s*(?:so (?:that )?(?:i|we) (?:can|could|will)|in order to|to)\s+"
    r"(?:do|run|use|handle|manage|learn|get into|work (?:in|on))\s+(?P<subject>.+)$",
    re.IGNORECASE,
)
_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|"
    "Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|"
    "Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|"
    "New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|"
    "Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|"
    "Vermont|Virginia|Washington State|West Virginia|Wisconsin|Wyoming"
)
# A state named in the goal is where the learner is (a place, handled by the location
# constraint), not what the course is about: "licensed tattoo artist in NJ".
_PLACE = re.compile(
    rf"\b(?:(?:in|near|around) )?(?:{_STATES}|(?<=in )(?:NJ|NY|TX|PA|CA|FL))\b", re.IGNORECASE
)

# "software developer who wants to learn deep learning": the role before "who wants".
_ROLE_WHO = re.compile(
    r"^\s*(?:an?\s+|the\s+)?(?P<role>[\w\s/&-]{2,40}?)\s+who\s+(?:wants?|would like|needs?|"
    r"is looking|hopes?|plans?)\b",
    flags=re.IGNORECASE,
)
_LANGUAGE = re.compile(
    r"\b(?:taught |delivered )?in (?P<language>spanish|english|french|german|portuguese|"
    r"italian|arabic|chinese|japanese|korean|russian|hindi)\b|"
    r"\ben (?P<spanish>espa[ñn]ol)\b",
    flags=re.IGNORECASE,
)


@dataclass(frozen=True)
class Query:
    """What the advisor searches for, and what it set aside from the goal."""

    text: str  # the goal as a sentence, without role or constraints: for meaning (dense)
    topic: str = ""  # the bare topic ("payroll"): for words (BM25F) and the explanation
    goal: str = ""  # the goal as given
    current_role: str | None = None  # where the learner is now ("receptionist")
    known: str = ""  # what the learner already knows: role, background, known skills
    level: Level | None = None  # a level the goal asked for ("beginner Excel")
    language: str | None = None  # "in Spanish"
    # When the topic has acronyms ("ML engineer", said as "ML (machine learning)
    # engineer"): the topic as typed and spelled out, matched as alternatives.
    word_variants: tuple[str, ...] = ()
    purpose: str = ""  # the purpose clause's subject ("email marketing"), see purpose_of
    occupation: OccupationMatch | None = None
    occupation_skills: list[TechnologySkill] = field(default_factory=list)
    # Embeddings of ``text`` and ``topic`` when they were computed with the query (one
    # batched model call); None lets the ranking embed them itself.
    text_vector: npt.NDArray[np.float32] | None = field(default=None, compare=False, repr=False)
    topic_vector: npt.NDArray[np.float32] | None = field(default=None, compare=False, repr=False)

    @property
    def lexical_text(self) -> str:
        """The words BM25F matches: the topic itself."""
        return self.topic or self.text

    @property
    def lexical_variants(self) -> list[str]:
        """The topic's words, and the same with acronyms spelled out when it has any."""
        return list(self.word_variants) or [self.lexical_text]


def _strip(pattern: str, text: str) -> str:
    return re.sub(pattern, " ", text, flags=re.IGNORECASE)


def split_role(goal: str) -> tuple[str, str | None]:
    """The goal without the learner's current role, and that role (if stated)."""
    target, role = split_current_role(goal)
    if role is None:
        match = _ROLE_WHO.search(goal)
        if match is not None:
            role = match.group("role").strip()
            target = goal[match.end() :].strip()
    return target, role


def _edge(word: str, words: frozenset[str] = _EDGE_WORDS) -> bool:
    """A function word at the edge of the topic; an all-capitals word ('IT') never is."""
    bare = word.strip(".,;:!?")
    return (bare in {"I", "A"} or not bare.isupper()) and bare.lower() in words


def sentence_of(goal: str) -> str:
    """The goal as the learner put it, minus constraint and politeness words.

    The sentence encoder matches "I want to learn SQL and databases" to course
    descriptions ("you will learn …") better than the bare "SQL and databases"
    (dev nDCG@10 0.861 vs 0.787), so meaning is searched with the sentence and words
    with the bare topic.
    """
    text = catalog_words(full_forms(goal[:MAX_QUERY_CHARS]))
    for pattern in [_TURNED_DOWN, *_CONSTRAINTS, *_LEVELS.values(), _LANGUAGE.pattern, _POLITENESS]:
        text = _strip(pattern, text)
    text = _MOVE_FROM.sub(r"\g<move>", text)  # "go from cna to lpn" -> "go to lpn"
    return " ".join(text.split()).strip(" ,;:-")


# Where a move starts is the learner's background, not what to search for.
_MOVE_FROM = re.compile(
    r"\b(?P<move>(?:switch|switching|move|moving|transition(?:ing)?|pivot(?:ing)?|go|going|"
    r"change|changing|get|getting)\s+(?:careers?\s+)?)from\s+(?:a |an |being (?:a |an )?|my )?"
    r"[\w\s/&-]{1,40}?\s+(?=(?:to|into|in ?to)\s)",
    re.IGNORECASE,
)


def purpose_of(goal: str) -> str:
    """The subject of the goal's purpose clause ("email marketing" in "Learn HubSpot so I
    can run email marketing for my bakery"), as a goal of its own; "" when there is none.

    Only clauses that name an activity ("run", "do", "use" … something) count: "so I can
    charge more" states no subject to search.
    """
    found = re.search(_PURPOSE, goal[:MAX_QUERY_CHARS], flags=re.IGNORECASE)
    if found is None:
        return ""
    subject = _PURPOSE_SUBJECT.match(found.group())
    if subject is None:
        return ""
    clause = subject.group("subject").strip(" .!?")
    clause = re.sub(r"\s+for (?:my|our|a|the) [\w' -]+$", "", clause)
    topic, _, _ = topic_of(clause)
    return topic


# Words that name no subject once a frame has been taken away ("get qualified").
_EMPTY_AIMS = frozenset("qualified certified licensed ready eligible able prepared trained".split())


def _names_something(text: str) -> bool:
    """Whether the words still name something to search."""
    return any(t not in STOPWORDS and t not in _EMPTY_AIMS for t in tokenize(text))


def topic_of(goal: str) -> tuple[str, Level | None, str | None]:
    """The goal's topic with constraint, level and politeness words removed.

    Returns (topic, level asked for, language asked for). If removing words would leave
    nothing searchable, the goal's own content words are kept: a goal of only
    "free courses" is better searched as said than not at all.
    """
    text = _strip(_TURNED_DOWN, catalog_words(full_forms(goal[:MAX_QUERY_CHARS])))
    text = text.strip().rstrip(".!?…")  # a closing full stop would hide the clauses it ends
    for inner in reversed(list(_PLACE_BEFORE_COMMA.finditer(text))):
        # "hvac program near newark, epa 608": a place that ends a clause.
        if gazetteer().resolve(inner.group("place")) is not None:
            text = text[: inner.start()] + text[inner.end() :]
    for _ in range(2):  # one frame may open onto another: "quiero sacar mi licencia de X"
        for pattern in _FRAMINGS:
            framed_question = _strip(pattern, text)
            if [t for t in tokenize(framed_question) if t not in STOPWORDS] or any(
                re.search(rf"\b{acronym}\b", framed_question) for acronym in CAPITALS_ONLY
            ):  # "get into IT with my GI bill": IT in capitals names the field
                text = framed_question
    language = None
    found = _LANGUAGE.search(text)
    if found is not None:
        language = "Spanish" if found.group("spanish") else found.group("language").capitalize()
        text = text[: found.start()] + " " + text[found.end() :]
    level = None
    for candidate, pattern in _LEVELS.items():
        if re.search(pattern, text, flags=re.IGNORECASE):
            level = candidate
            text = _strip(pattern, text)
    for pattern in _CONSTRAINTS:
        text = _strip(pattern, text)
    text = _strip(_ASKING, text)
    text = _strip(_POLITENESS, text)
    framed = text
    for pattern in _FRAMING:
        narrower = _strip(pattern, framed)
        if _names_something(narrower):  # "get qualified to teach ESL" keeps what it teaches
            framed = narrower
    framed = _PLACE.sub(" ", framed)
    if _names_something(framed):  # never frame away everything
        text = framed
    words = re.findall(r"[\w+#&'/.-]+", text)
    # Drop dangling function words left at the edges ("on payroll and" -> "payroll").
    while words and _edge(words[0]):
        words.pop(0)
    while words and _edge(words[-1], _TRAILING_WORDS):
        words.pop()
    topic = _without_town(" ".join(words).strip(" .,;:!?-"))
    if _COMPUTER_BASICS.fullmatch(topic) or (
        _USING_A_DEVICE.search(goal) and _DEVICE_FIRST.match(topic)
    ):
        topic = EVERYDAY_COMPUTING
    if not [t for t in tokenize(topic) if t not in STOPWORDS]:
        # "switching to IT", "i want to get into IT": the field in capitals is the topic,
        # though its lower-case spelling is a stop word.
        capitals = [a for a in CAPITALS_ONLY if re.search(rf"\b{a}\b", topic or goal)]
        if capitals:
            return " ".join(capitals), level, language
        fallback = [t for t in tokenize(goal) if t not in STOPWORDS]
        return " ".join(fallback), level, language
    return topic, level, language


# Using a device, not studying it: "learn the computer so i can video call my grandbabies",
# "get better with my phone". A 68-year-old who wanted that had been shown Computer Science
# 101 and quantum hardware. The article or the verb "use" tells it from "learn computers".
_DEVICE = r"(?:computer|laptop|pc|internet|smart ?phone|(?:cell |mobile )?phone|tablet|ipad)s?"
_USING_A_DEVICE = re.compile(
    r"\b(?:learn(?:ing)?|us(?:e|ing)|understand(?:ing)?|figure out|(?:better|good) (?:at|with)|"
    r"comfortable (?:with|on|using))\s+(?:how to use\s+|to use\s+)?(?:the|a|an|my|our)\s+"
    rf"(?:new\s+)?{_DEVICE}\b(?!\s+(?:science|engineering|programming|repair|networking|"
    r"hardware|technician|systems?|graphics|vision|architecture|support))",
    re.IGNORECASE,
)
_DEVICE_FIRST = re.compile(rf"{_DEVICE}\b", re.IGNORECASE)
# "basic computer skills", "computer basics", "computer literacy": the same everyday use.
_COMPUTER_BASICS = re.compile(
    r"(?:basic )?computer (?:skills|basics|literacy)|computer basics|basic computers?",
    re.IGNORECASE,
)
EVERYDAY_COMPUTING = "digital literacy"


_PLACE_BEFORE_COMMA = re.compile(
    r"\s+(?:in|near|around|close to|by)\s+(?P<place>[a-z][a-z.'-]*(?: [a-z][a-z.'-]*){0,2})(?=,)",
    re.IGNORECASE,
)
_TRAILING_PLACE = re.compile(
    r"\s+(?:in|near|around|close to|by)\s+(?P<place>[a-z][a-z .'-]{1,40}?)"
    r"(?:,?\s+(?:nj|tx|new jersey|texas))?$",
    re.IGNORECASE,
)


def _without_town(topic: str) -> str:
    """The topic without a town it ends on ("plumber in fort worth" -> "plumber") or a
    town said with its state anywhere ("asl classes tucson az"): where the learner is
    belongs to the location constraint, not to the words searched."""
    found = _TRAILING_PLACE.search(topic)
    if found is not None:
        # "… around stephenville or north texas": the first place said is enough.
        first_place = re.split(r"\s+(?:or|and)\s+", found.group("place"))[0]
        if gazetteer().resolve(first_place) is not None:
            topic = topic[: found.start()]
    return _without_town_and_state(topic)


# Two-letter states that are also words: "python for me", "excel ok" name no place
# unless the town before them is a real one of some size.
_STATE_CODES_AS_WORDS = frozenset({"in", "me", "or", "ok", "hi", "oh", "de", "la", "al", "co"})
_SMALL_TOWN = 10_000


def _without_town_and_state(topic: str) -> str:
    """Drop each "<town> <state>" the place table knows ("photography asheville nc")."""
    words = topic.split()
    kept: list[str] = []
    index = 0
    while index < len(words):
        cut = _town_and_state_at(words, index)
        if cut:
            index += cut
            continue
        kept.append(words[index])
        index += 1
    return " ".join(kept) if kept else topic


def _town_and_state_at(words: list[str], start: int) -> int:
    """How many words from ``start`` name a town followed by its state (0 if none)."""
    for town_size in (3, 2, 1):
        for state_size in (2, 1):
            end = start + town_size + state_size
            if end > len(words):
                continue
            state_words = " ".join(words[start + town_size : end]).strip(",.").lower()
            state = state_code(state_words)
            if state is None:
                continue
            town = " ".join(words[start : start + town_size]).strip(",.")
            found = gazetteer().lookup(town, state)
            if found is None:
                continue
            if state_words in _STATE_CODES_AS_WORDS and found.population < _SMALL_TOWN:
                continue
            return town_size + state_size
    return 0


Encode = Callable[[list[str]], npt.NDArray[np.float32]]


def build_query(
    profile: LearnerProfile,
    matcher: OccupationMatcher | None,
    encode: Encode | None = None,
    spelled: Spelled | None = None,
) -> Query:
    """The query for a profile: the goal's topic, else the background's.

    With ``encode``, the sentence, the topic and the occupation matcher's focus are
    embedded in one call (each model call has a fixed cost larger than a short text's).
    """
    goal = (profile.goal or "").strip()
    source = goal or (profile.background or "").strip()
    if not source:
        return Query(text="")
    target, role = split_role(source)
    topic, level, language = topic_of(target)
    typed = topic
    topic, spelled_out = expand(typed, spelled)
    sentence = expand(sentence_of(target), spelled)[0]
    text = sentence if [t for t in tokenize(sentence) if t not in STOPWORDS] else topic
    # The occupation is matched on the goal with its acronyms spelled out: "get my cdl"
    # alone lies nearer a health-records job than a truck driver's.
    spelled_target = expand(target, spelled)[0]
    focus = matcher.focus_of(spelled_target) if matcher is not None and topic else ""
    known = known_of(profile, role)
    vectors = None
    if encode is not None:
        vectors = encode([text, topic or text, focus or text])
    occupation = None
    skills: list[TechnologySkill] = []
    if matcher is not None and focus:
        matches = matcher.match(
            spelled_target, limit=1, vector=None if vectors is None else vectors[2]
        )
        if matches:
            occupation = matches[0]
            skills = matcher.key_skills(occupation.occupation, OCCUPATION_SKILLS)
    return Query(
        text=text,
        topic=topic,
        goal=source,
        current_role=role,
        level=level,
        language=language,
        word_variants=(typed, spelled_out) if spelled_out != typed else (),
        purpose=purpose_of(target),
        occupation=occupation,
        occupation_skills=skills,
        text_vector=None if vectors is None else vectors[0],
        topic_vector=None if vectors is None or not topic else vectors[1],
        known=known,
    )


def known_of(profile: LearnerProfile, role: str | None) -> str:
    """What the learner already has: current role, background and known skills, as text.

    Only the background is used when the goal was built from it (no goal stated).
    """
    parts = [role or ""]
    if profile.goal:
        parts.append(profile.background or "")
    parts.extend(profile.known_skills)
    return ", ".join(part.strip() for part in parts if part and part.strip())
