"""English sentence bank.

Line format in SENTENCES (parsed by banks.py):
    CODES [TAGS] :: text
CODES: space-separated element codes with a stance mark: + support, - oppose, ~ conditional
       (e.g. "D4+ D5+", "R3-", "S07~"); empty for a sentence that takes no position.
TAGS:  optional; "I" (first-person citizen voice), "we" (organisation voice) and groups
       cit, hei, emp, union, pub, ngo, other. A sentence is only used by matching respondents.
Text:  may contain alternations {a|b|c}, one picked at random per use, and <ORG> (the
       organisation's name or a generic "our organisation").
"## topic" starts a block: barriers, definition, elements, qa, recognition, portability,
credits, providers, funding, general.
"""

SENTENCES = r"""
## barriers
D2+ :: Short courses fit around a full-time job in a way that a {two-year|three-year} degree never will.
D2+ [I] :: I work shifts and have two kids, so anything longer than a few weeks is simply out of reach for me.
D2+ D6+ :: Being able to learn in small chunks and add them up over time lowers the threshold {enormously|a lot}.
D6+ P05+ :: If people can collect several small certificates and later combine them into a diploma, lifelong learning stops being an all-or-nothing decision.
R7+ P10+ :: People often do not know which course is worth their time; independent guidance linked to real labour-market data would help far more than yet another catalogue of courses.
R7+ :: The real gain would be permeability: a module completed at a VET school should open the door to a university programme, and the other way round.
P10+ :: Information about what is on offer is scattered over hundreds of websites, and nobody helps adults make sense of it.
P10~ :: Guidance services are welcome, but only if they actually reach people with low qualifications and not just those who already know their way around the system.
R7~ :: Using labour-market intelligence to guide learners is fine as long as it does not turn into pushing everyone towards whatever jobs happen to be in shortage this year.
R7- :: We are sceptical about steering people with "real-time labour market data"; such data is patchy and changes faster than anyone can retrain.
D8+ :: Micro-credentials can react quickly to new skill needs, for example in the green and digital transitions, where traditional curricula take years to adapt.
D8+ [we emp] :: Our {members|companies} need staff who can be upskilled in months, not years, and targeted short programmes are the only realistic way to do that.
D8~ [we union] :: Short, targeted training is useful, provided it does not become a substitute for full initial qualifications and proper career progression.
P08+ :: The learner has to be at the centre: flexible timing, online options and content that starts from what the person already knows.
P08+ [I] :: As an adult learner I want to choose what I learn and when, not follow a programme designed for 19-year-olds.
R8+ :: Cost remains the biggest obstacle, so public co-funding or individual learning accounts would make the real difference.
R8+ [I] :: I would have done several courses already if they had been free or at least {subsidised|partly paid for}.
S10+ :: Online and blended formats are what make it possible for people in rural areas to take part at all.
P03+ :: Courses must be relevant to real jobs, otherwise people will not invest their scarce free time.
P06+ :: Learners will only take the step if they know the certificate will count for something with an employer.
P05+ :: Small units make it easier to return to learning step by step after a long break.
D6+ :: Stackability is key: the tenth short course should add up to something bigger than ten separate certificates.
D2+ P08+ [I] :: {Honestly|To be honest}, a course of a few evenings is something I can manage; a whole semester is not.
D8+ :: For people whose jobs are disappearing, a quick and recognised way to learn something new is exactly what is missing today.
R7+ [we pub] :: In our region we see many adults who would return to learning if the routes between adult education, VET and higher education were clearer.
P08~ :: Flexibility is good, provided learners still get some personal support and are not left alone in front of a screen.
D2- :: Shorter is not automatically better; people who really want to change careers need substantial programmes, not a string of mini-courses.
R7+ :: Micro-credentials could be a bridge for people who never thought university was for them.
P10+ [we ngo] :: The people we work with need someone to talk to before they enrol, not a website.
R8~ [we emp] :: Financial support would help, provided small companies can access it without a mountain of paperwork.
 :: Many adults left school early and have bad memories of classrooms and exams.
 :: Time is the main issue: people work, commute and look after children or elderly parents.
[I] :: In my region the nearest university campus is more than 100 km away.
 :: The pandemic showed that online learning can work, but also that not everyone has a laptop and a stable internet connection.
 :: Employers rarely give staff paid time off for training unless it is compulsory.
 :: Low-qualified workers are the least likely to take part in training, although they need it most.
 :: Language is a barrier too, especially for migrants whose qualifications are not recognised.
 :: Micro-credentials alone will not solve structural problems such as low wages or the lack of childcare.
 :: Fees for continuing education have risen sharply in recent years.
 :: Many people simply do not see what they would gain from more training.
 :: Older workers are often told, directly or indirectly, that training is not for them.
 :: For self-employed people every day spent in training is a day without income.

## definition
D1+ :: The core idea is right: a micro-credential documents learning outcomes, what the holder knows and can do, rather than hours spent in a classroom.
D1+ :: It has to be a record of results, not a certificate of attendance.
D1~ :: Focusing on learning outcomes is correct, but only if those outcomes are written in a way that employers actually understand.
D1+ [we hei] :: We fully support an outcome-based definition; it is consistent with how we already design our programmes.
D2+ :: We agree that it should refer to a short learning experience, otherwise the term loses its meaning.
D2~ :: "Short" needs to be quantified, otherwise every provider will interpret it differently.
D2- :: The size of the learning experience should not be part of the definition at all; some micro-credentials require a full semester of work.
D2- [we hei] :: Limiting micro-credentials to short learning experiences would exclude many of our continuing education programmes, which run over a whole academic year.
D3+ :: Assessment against transparent standards is the part that makes a micro-credential trustworthy.
D3+ :: Without clear, published assessment criteria, a micro-credential is just another badge.
D3~ :: We can accept "assessed against transparent standards" if it is made clear that assessment may also take place at the workplace or through recognition of prior learning.
D3- :: Requiring formal assessment for every micro-credential is too rigid for non-formal learning, where participation and reflection matter as much as testing.
D4+ :: The definition should state clearly that the credential belongs to the learner, not to the institution or platform that issued it.
D4+ D5+ [I] :: Learners should keep their certificates and take them to any employer, in any country, without asking anybody's permission.
D5+ :: It must be possible to share a micro-credential easily, for instance with a link or through a digital wallet.
D6+ :: Please add that micro-credentials can be stand-alone or combined into larger qualifications.
D6+ :: The definition misses stackability, which is the main reason many learners are interested in the first place.
D6~ :: Combining credentials into a degree should be possible, but only where the awarding institution has checked that the pieces fit together.
D6- [we hei] :: We would not put stackability into the definition itself; whether credits can be combined is for the awarding institution to decide.
D7+ P01+ :: Quality assurance has to be part of the definition; a credential that nobody has checked is worth very little.
D7+ :: Please add that micro-credentials are underpinned by quality assurance following agreed standards.
D7~ :: Mentioning quality assurance is fine as long as it does not mean that only accredited universities may issue micro-credentials.
D8+ :: The definition should say what micro-credentials are for: meeting personal, social, cultural and labour-market needs.
D8~ :: We can support a reference to labour-market needs provided that personal, cultural and civic learning are explicitly included as well.
D8- :: We do not think the definition needs to list purposes; that only invites an endless debate about which needs count.
D1+ D3+ :: A good definition combines two things: evidence of what was learned, and an assessment that outsiders can understand.
D1+ D2+ D3+ :: In short: outcome-based, small in size and transparently assessed; that is a workable definition.
D3+ D7+ :: "Transparent standards" should be read together with quality assurance, otherwise anyone can claim their standards are transparent.
D4+ [I] :: Whatever the definition says, the certificate is mine once I have earned it.
D1- :: Talking only about "learning outcomes" is too narrow; for many learners the value lies in the learning process and the network they build.
D5~ :: Shareable, yes, as long as the learner decides with whom.
D6+ D2+ :: Small units that can be stacked: that is what makes the concept attractive for working adults.
D2~ D6+ :: A micro-credential should be smaller than a full degree but big enough to mean something, and it should be possible to build on it later.
D3- [we emp] :: Our in-house training is assessed by supervisors on the job; insisting on "transparent standards" in the academic sense would exclude it.
D8+ [we union] :: We welcome the reference to societal needs; training is not only about productivity.
D7- :: Adding quality assurance to the definition confuses two things: what a micro-credential is and how good it is.
 :: The definition is clear and concise.
 :: We have no particular comments on the wording.
 :: The English term "micro-credential" is hard to translate; in several languages it sounds like a small loan.
 :: Several national definitions already exist and the European one should not contradict them.
 :: The difference between a micro-credential and a partial qualification is not clear from the definition.
 :: Digital badges, certificates of completion and professional certifications are all called micro-credentials today, which creates confusion.
 :: It is not clear whether non-formal learning is covered.
 :: The word "proof" sounds rather legalistic.

## elements
S01+ :: The learner's full name and date of birth must appear, otherwise the certificate can be passed around.
S01~ :: Identifying the learner is necessary, provided that only the minimum of personal data is included and the GDPR is respected.
S02+ :: A clear, descriptive title matters more than people think; "Module 3B" tells an employer nothing.
S03+ :: The country or region of the issuer should be shown so that recognition bodies know which system applies.
S03- :: Showing the issuer's country is superfluous when the awarding body is already named.
S04+ :: The awarding body must be named and it must be possible to verify it.
S05+ :: Always include the date of issue; in fast-moving fields a certificate from 2015 means something very different from one issued last month.
S06+ :: Learning outcomes are the heart of the credential and should be described in plain language.
S06+ :: Without a list of learning outcomes, neither employers nor universities can judge what the course was worth.
S06~ :: Learning outcomes should be included, but in a short standardised format; three pages of outcomes will not be read.
S07+ :: The workload should be expressed in ECTS wherever possible, because that is the currency everyone in higher education understands.
S07~ :: Stating the workload is useful, but ECTS should only be required where the provider is a higher education institution.
S07- [we emp] :: Forcing ECTS onto company training makes no sense; our courses are measured in hours and competences, not credits.
S08+ :: The level according to the EQF helps employers to place the credential.
S08~ :: Indicating an EQF level is fine if it is done through the national framework and not by providers themselves.
S08- :: Many micro-credentials cannot meaningfully be assigned one single EQF level, so this should not be mandatory.
S09+ :: The type of assessment (exam, project, portfolio) must be stated; a supervised exam and a self-check quiz are not the same thing.
S10+ :: It should say whether the course was followed online, on site or in a blended format.
S10- :: Whether someone learned online or on site is irrelevant if the outcomes are properly assessed.
S11+ :: The credential should show what kind of quality assurance applies, e.g. internal or external review.
S11~ :: The type of quality assurance can be mentioned, as long as this does not become a hidden ranking of providers.
S12+ :: Prerequisites are useful to include so that learners can plan their next step.
S12- :: Prerequisites belong in the course catalogue, not on the certificate.
S13+ :: Information on whether identity was verified during the exam is crucial for online courses.
S13- :: Identity verification during online exams raises serious privacy concerns and should not be promoted as a standard element.
S13~ :: Supervision and identity checks can be recorded, as long as proctoring software does not collect biometric data.
S14+ :: A grade should be optional but available, since some employers want to see how well someone performed.
S14- :: We are against grades on micro-credentials; pass/fail is enough and avoids unfair comparisons.
S15+ :: Information on how the credential can be stacked or integrated into a programme should be on the credential itself.
S15~ :: Stackability information is welcome, provided it is kept up to date by the issuing institution.
S01+ S02+ S04+ S05+ :: At a minimum: who, what, by whom and when.
S06+ S09+ :: Learning outcomes and the way they were assessed are the two elements we consider essential.
S04+ S11+ :: Who awarded the credential and under which quality assurance: those two pieces of information decide whether we trust it.
S12+ S14+ :: Optional elements such as prerequisites and grades should stay optional, but we would encourage providers to use them.
S14~ [we hei] :: Grades can be added where the assessment allows it, but they must not be required for pass/fail courses.
S10+ S13+ :: For online provision, the form of participation and how identity was checked must both be visible.
S03+ S04+ :: Naming the issuer and its country sounds trivial, but in practice many certificates on the market do not even do that.
S05~ :: The date of issue should be there, and perhaps an expiry date for fields where knowledge becomes outdated quickly.
S09- :: Describing the type of assessment on every certificate is unnecessary detail.
S02+ S06+ [I] :: When I apply for jobs, recruiters look at the title and maybe the skills listed; everything else is noise to them.
 :: The list of elements is long; a simpler core set would be easier to implement.
 :: Machine-readable data would make all these elements much more useful.
 :: The elements should be aligned with the European Learning Model used by Europass.
 :: Many existing certificates already contain most of these elements.

## qa
D7+ P01+ :: Micro-credentials must be covered by the same internal and external quality assurance as any other programme.
P01+ [we hei] :: Our university already applies the ESG to all its provision, and micro-credentials should be no exception.
P01~ :: Quality assurance should rely on existing ESG-based procedures; we support it as long as no parallel system is created.
D7~ :: Quality assurance, yes, but it must be proportionate: a two-day course cannot go through the same accreditation as a master's programme.
P01- :: We do not believe external quality assurance of micro-credentials is necessary; demand and learner reviews will sort out quality faster than any agency.
D7- [we emp] :: Industry certifications have their own quality mechanisms and should not have to go through education-sector quality assurance.
D7- :: For short courses, formal quality assurance is an unnecessary burden that will stifle innovation.
S11+ :: The certificate should state which quality assurance framework applies, so that the reader can judge its value.
R1+ :: Common European standards for quality and transparency are the most important action of the whole roadmap.
R1+ :: Without common European standards every country will invent its own rules, and portability will remain a slogan.
R1~ :: European standards are welcome as long as they remain voluntary and respect national competences in education.
R1- :: We do not need yet another European standard; the existing instruments (ESG, EQF, ECTS) are enough if they are actually applied.
R1- [we pub] :: Education is a national competence, and standards for micro-credentials should be set by the Member States, not at European level.
P04+ :: Assessment must be valid and reliable, otherwise the whole system loses credibility.
P04+ S13+ :: For online exams there should be reliable identity checks; otherwise anyone can take the test for someone else.
P04~ :: Automated online assessment can be acceptable if it is regularly checked by human experts.
R3+ :: A public list of quality-assured providers would help learners to avoid diploma mills.
P09+ :: The credential must be tamper-proof and its authenticity verifiable online, for instance with an electronic seal.
P09+ :: Fake certificates are a real problem, so every micro-credential needs to be verifiable at the source.
P09~ :: Digital signatures are welcome, but we are wary of blockchain solutions that lock providers into expensive proprietary platforms.
P01+ P02+ :: Quality and transparency go together: publish the results of quality reviews so that learners can see them.
D7+ :: Quality assurance is what distinguishes a micro-credential from a marketing certificate.
P01+ [we other] :: As a quality assurance agency we are ready to adapt our procedures to smaller units of learning.
P01~ [we hei] :: Programme-level accreditation of each micro-credential would be unworkable; institutional quality assurance should cover them, as long as the institution's internal processes are robust.
D7+ [I] :: I paid for an online certificate that turned out to be worthless, so yes, someone has to check these providers.
P04- :: We should not over-engineer assessment; for many short courses a simple completion test is perfectly adequate.
D7~ [we ngo] :: Quality assurance should be required, provided the criteria also fit non-formal learning and do not copy university procedures.
R1+ D7+ :: Agreed European standards and systematic quality assurance are two sides of the same coin.
P01+ :: External quality assurance by a registered agency should apply to every provider, public or private.
P01~ [we emp] :: We accept quality checks, but they should be light-touch and based on outcomes rather than on inputs such as staff qualifications.
R1~ [we union] :: European standards are useful provided social partners are involved in drafting them.
P04~ :: Peer assessment and portfolios can be valid forms of assessment, as long as the criteria are published beforehand.
 :: Quality assurance agencies should be involved from the start.
 :: In our country, quality assurance for non-formal providers is practically non-existent.
 :: Learners' feedback should be part of any quality review.
 :: ENQA and EQAR have already done useful work on this.
 :: Quality assurance must look at the whole learning experience, not only the final test.
 :: The costs of accreditation are a real issue for small providers.
 :: There is a lot of confusion between accreditation, certification and quality labels.
 :: Several Member States are already piloting quality frameworks for short courses.

## recognition
P06+ :: Micro-credentials should be recognised for further learning and for employment wherever possible.
P06+ [I] :: I completed three certified online courses last year and my employer simply ignored them.
P06~ :: Recognition should follow if the micro-credential is quality assured and the learning outcomes are comparable.
P06- :: Automatic recognition would undermine institutional autonomy; each institution must be free to decide.
R5+ :: Recognition procedures take months; guidelines for faster recognition are urgently needed.
R5+ :: The Lisbon Recognition Convention and existing validation arrangements could be adapted rather than inventing new instruments.
R5~ :: Faster recognition is desirable, but not at the expense of a careful check of learning outcomes.
R5- :: We see no need for new recognition guidelines; the ENIC-NARIC centres already handle this well.
R2+ :: Including micro-credentials in national qualifications frameworks would give them real weight.
R2~ :: Inclusion in national frameworks makes sense only if the frameworks are open to non-formal and private provision.
R2- :: Putting every short course into the national framework would overload it and blur the meaning of a qualification.
R2- [we pub] :: Our national qualifications framework is designed for full qualifications and we do not intend to open it to micro-credentials.
D3+ P06+ :: Transparent assessment criteria are the precondition for any recognition decision.
S06+ P06+ :: Recognition officers need the learning outcomes on the credential itself; that speeds up recognition more than any new procedure.
P02+ :: The more transparent the information, the easier the recognition.
D6+ P06+ :: Recognition must also cover stacking: credits from several providers should count towards one qualification.
P06+ [we emp] :: If a candidate shows us a micro-credential with clear outcomes, we take it into account; we just rarely see them today.
P06~ [we hei] :: We are willing to recognise micro-credentials from other institutions for admission or credit, provided that they are quality assured under the ESG.
R5+ :: Recognition of prior learning and micro-credentials should be handled by the same streamlined procedures.
R5~ [we pub] :: Guidelines for faster recognition are acceptable if they stay non-binding and leave the final decision to national authorities.
P06- [we hei] :: We cannot be obliged to recognise credentials from providers whose quality we cannot verify.
R2+ S08+ :: Once a micro-credential has a level in the national framework, employers and universities across Europe can read it.
P06+ [we union] :: Micro-credentials should be recognised in collective agreements and lead to better pay where the skills are used.
P06+ P03+ :: Recognition by employers will come naturally if the credentials are relevant to real jobs.
R5+ [I] :: It took me a year to get my foreign diploma recognised; please do not repeat that with micro-credentials.
P06~ [we emp] :: We are happy to consider micro-credentials in recruitment, as long as they describe skills we can check.
 :: Employers care about skills, not paper.
 :: Recognition of prior learning is still very uneven across Member States.
 :: Small employers do not have HR departments to assess certificates.
 :: In some sectors, collective agreements already mention specific certificates.
 :: Universities differ a lot in how they handle credit transfer.
 :: Recognition is ultimately about trust, and trust takes time to build.
 :: The ENIC-NARIC network has limited capacity for a large number of new credentials.

## portability
R6+ :: Please build on Europass rather than letting every university choose its own badge vendor.
D4+ [we ngo] :: Learners we work with often lose paper certificates when they move; a credential they own digitally would be a real improvement.
P07+ R6+ :: A single European format, readable by Europass and by national systems alike, is the only way credentials will really travel.
R6~ [we pub] :: Connecting our national register to Europass is possible, but only if the Commission covers part of the integration costs.
D5+ [I] :: Sending a link to a verified certificate is so much easier than scanning and certifying paper copies.
P07~ :: Portability should be a goal, as long as it does not force small providers to buy expensive software.
R6- [we hei] :: The European Student Card has been announced for years and still does not work at our university; we would not rely on it.
D4~ :: Ownership by the learner is fine, provided issuers can still revoke a credential that was obtained by fraud.
D4+ :: The credential must remain the property of the learner, even if the provider closes down.
D5+ P07+ :: Learners should be able to store and share their credentials digitally, across platforms and borders.
R6+ :: Europass Digital Credentials are the obvious infrastructure; there is no need to build something new.
R6+ [I] :: I already use my Europass profile and would love to see all my certificates there.
R6~ :: Europass is welcome, but only if it is interoperable with the national wallets and systems already in use.
R6- :: The European Student Card is irrelevant for adult learners and VET, so it should not be the vehicle for micro-credentials.
R6- :: Europass is little known outside the education sector, so employers will not look there.
P07~ :: Digital wallets are fine provided learners keep full control over who sees their data.
P07+ :: Open standards such as the European Learning Model and Open Badges should be used so that credentials can move between systems.
D5~ :: Sharing should be easy, but not at the cost of data protection.
D4+ D5+ [I] :: I want my certificates in one place, on my phone, and I want to decide who gets to see them.
D5- :: We see a risk in making micro-credentials too easy to share: outdated certificates will circulate for years.
R6+ P09+ :: Europass with electronic seals would solve both storage and authenticity in one go.
R6+ [we hei] :: We are already issuing Europass Digital Credentials for some courses and the experience is positive.
R6~ [we hei] :: The European Student Card could help, provided it is finally rolled out beyond a handful of pilot universities.
P07+ :: Portability means that a credential earned in Lisbon is read the same way in Tallinn.
D4+ :: A learner should never have to ask the provider again for a copy of their own certificate.
P07- :: Portability is a nice idea, but most learners will use their credentials locally, so heavy European infrastructure is not justified.
R6- [we emp] :: We will not ask employers to log into Europass; the data should flow into the HR tools they already use.
D5+ P09+ :: A shareable link that anyone can verify would be enough for most purposes.
P07~ [we other] :: We would support portability solutions as long as small providers get technical help to connect to them.
R6+ D4+ :: With Europass the learner, not the institution, holds the credential; that is how it should be.
 :: Many small providers cannot afford the technical infrastructure to issue digital credentials.
 :: Paper certificates still matter for older learners.
 :: Interoperability is the key technical challenge.
 :: The EBSI and Europass pilots are promising but little known.
 :: Learners need to be taught how to use digital wallets.
 :: There are already dozens of incompatible badge platforms on the market.

## credits
S07+ [I] :: When I compare two courses, the number of credits is the first thing I look at.
R4+ [we pub] :: Our adult education centres would welcome a way to express their courses in ECTS so that learners can continue at university.
S07~ [we hei] :: We support ECTS for micro-credentials, on condition that the workload is calculated by the institution and not simply estimated from course hours.
S08+ :: Without a level, nobody can tell whether a micro-credential is an introduction or a specialisation.
R2+ S08+ [we other] :: A clear link to the national framework would finally make our short vocational courses visible.
S07- [I] :: Credits are a university thing; for a welding or first-aid course they mean nothing to me.
R4~ :: We could accept ECTS in VET if the existing national credit systems are recognised as equivalent.
S08~ [we union] :: A level indication is acceptable provided it does not lead to lower pay grades for workers with micro-credentials.
S07+ R4+ :: ECTS should be used for micro-credentials in all sectors, because it is the only common currency we have.
R4+ :: Extending ECTS to VET and adult learning would make it much easier to combine courses from different providers.
R4~ :: ECTS can be extended to other sectors if the link between credits and learning outcomes is respected.
R4- :: ECTS was designed for higher education and should stay there; VET has its own systems.
R4- [we emp] :: We are opposed to extending ECTS to company training; it would add paperwork without adding value.
S07+ :: One ECTS credit corresponds to 25 to 30 hours of work, and that is exactly the information employers and universities need.
S07~ :: ECTS should be indicated where the provider is able to do so, but it must not be mandatory.
S07- :: Credits say little about competences; we would rather see a good description of skills.
S08+ R2+ :: Linking micro-credentials to the EQF through the national frameworks would make them comparable across Europe.
S08~ :: An EQF level should be indicated if the credential is included in a national framework.
R2~ :: We support a link to the EQF, but only through the national qualifications frameworks and their procedures.
D6+ S15+ :: Credits allow stacking, which is the main added value.
S07+ D2+ :: A range of roughly 1 to 15 ECTS would be sensible for a micro-credential.
S07+ [we hei] :: All our short courses already carry ECTS credits and we would like this to become the norm.
R4+ [we other] :: For VET providers like us, being able to award ECTS-compatible credits would open doors to higher education.
S08- [we emp] :: Levels are an academic concept; a welder's certificate does not need an EQF level to be useful.
S08+ [I] :: Knowing the level would help me understand whether a course is too basic for me.
R4~ [we union] :: Using ECTS outside higher education is acceptable if workers' learning at the workplace can also earn credits.
S07~ [we ngo] :: Credits are fine for formal courses, as long as non-formal learning is not excluded because it cannot be counted in credits.
R2- :: Micro-credentials should not be squeezed into qualifications frameworks; their strength is flexibility.
R2+ [we pub] :: We are preparing to include quality-assured short programmes in our national qualifications framework and welcome a European reference.
S07- S08- :: Neither credits nor levels should be mandatory; the market will decide what information it needs.
 :: In our country, credits can only be awarded by accredited higher education institutions.
 :: Some providers already award credits for online courses.
 :: The relationship between credits and levels needs clarification.
 :: ECVET never really worked in practice.
 :: There is a risk of "credit inflation" if every short course carries credits.
 :: The calculation of workload for self-paced online courses is difficult.

## providers
R3+ [we pub] :: A European list based on national accreditation decisions would help public employment services choose providers.
R3- [we other] :: As a small provider we fear that getting onto such a list would cost more than our annual training budget.
R3~ :: We would accept a list if providers could apply at any time and the criteria were published in advance.
R3+ :: Learners deserve to know which providers have been checked; a trusted list is a simple consumer protection tool.
R3- [we ngo] :: Non-formal education is built on openness; a list of approved providers goes against that spirit.
P01~ :: Checking providers is fine as long as the checks are proportionate to the size of the provider.
R3~ [I] :: A list could help me, but only if it covers online platforms and not just universities.
R3- :: Instead of a list of providers, invest in verifiable credentials; trust should come from the credential, not from a register.
R3+ :: A list of trusted providers would give learners and employers confidence.
R3+ [I] :: I have no way of knowing which online providers are serious; an official list would help me a lot.
R3~ :: A list of trusted providers is acceptable only if it is open to all types of providers that meet the quality criteria, including private and non-formal ones.
R3~ :: We could support such a list provided that inclusion is based on quality assurance and not on the legal status of the provider.
R3- :: We see no need for a list of trusted providers; it is the quality of the credential that matters.
R3- :: A European list of trusted providers would create a two-tier market and exclude small innovative providers.
R3- [we hei] :: Universities are already accredited; a separate list would add bureaucracy and no additional trust.
R3- :: Who decides who is "trusted"? We fear that such a list would be captured by the big players.
R3~ [we pub] :: If a list is created, it should build on existing national registers and be maintained by national authorities.
R3+ [we emp] :: We welcome a list of trusted providers and would expect industry training providers to be on it.
P09+ :: It should be possible to verify the issuer online in a few clicks.
D7+ :: Providers should have to demonstrate quality assurance, whatever their legal status.
P01+ :: It is the quality of provision that should be checked, for public and private providers alike.
R3+ R1+ :: A list of trusted providers only makes sense together with common European quality standards, and we support both.
R3+ [we ngo] :: A public register would protect vulnerable learners from expensive and useless courses.
R3~ [we ngo] :: A list would be acceptable only if youth and non-formal education organisations can be on it without disproportionate costs.
R3- [we emp] :: We do not want a public "blacklist by omission"; providers not on the list would be stigmatised even if they are excellent.
R3- [I] :: I don't trust lists made by Brussels; I trust what my colleagues recommend.
R3~ [we hei] :: A list could work if it simply draws on DEQAR for higher education and does not add new procedures for universities.
R3+ P02+ :: A transparent, searchable register of providers is exactly what the market lacks.
R3~ [we union] :: Any list of trusted providers must include the training institutes run by social partners, otherwise we cannot support it.
P09~ :: An online check of the issuer is useful, provided it is free of charge for employers and learners.
 :: Who would maintain the list, and how often would it be updated?
 :: In our sector, most training is delivered by private providers and chambers.
 :: Registers like DEQAR already list quality-assured higher education institutions.
 :: Private providers are very diverse, from global tech firms to one-person training businesses.
 :: We do not understand what "trusted" means in this context.
 :: It is unclear how such a list would relate to national accreditation.

## funding
R8+ [we ngo] :: Erasmus+ should fund partnerships between NGOs and universities that co-design micro-credentials.
R8~ :: Funding should be linked to quality: only quality-assured micro-credentials should receive public money.
R8+ :: Vouchers for short courses, paid from the ESF+, would reach people who never think of going back to study.
R8- [we hei] :: Short-term project funding creates pilots that disappear when the money ends; we would rather see stable core funding for lifelong learning.
P08+ [I] :: What I need is not another course catalogue but a few paid days off work to actually follow a course.
R7+ [we union] :: Part of the money must go to independent guidance, so that workers choose courses that improve their situation, not only their employer's.
R8~ [we pub] :: Structural Funds can co-finance the roll-out, provided the rules allow them to be used for adults who are in employment.
R8+ [we emp] :: SMEs cannot afford to develop micro-credentials alone; co-financing through European programmes would make a big difference.
R8+ :: Erasmus+ and the European Social Fund+ should fund the development of micro-credentials, especially in smaller institutions.
R8+ :: Funding should go to learners, for instance through individual learning accounts, and not only to institutions.
R8+ [I] :: Most people I know would take a course tomorrow if it were free.
R8~ :: EU funding is welcome, but it must not only go to higher education; VET and adult learning providers need it most.
R8~ :: Structural Funds can help, provided that the money reaches low-qualified adults and not only those who already have degrees.
R8- :: Micro-credentials should be financed by the market; we do not see a role for EU subsidies.
R8- :: Public money should not go into micro-credentials as long as their quality is unproven.
P08+ :: Funding schemes should follow the learner's needs, with paid training leave and flexible schedules.
R7+ :: Guidance services and outreach to disadvantaged groups deserve funding as much as the courses themselves.
R8+ [we union] :: Public funding must be combined with a right to paid educational leave.
R8~ [we emp] :: Support is welcome if companies, and especially SMEs, can access it too.
R8+ [we hei] :: Developing good micro-credentials costs money; without Erasmus+ support many universities will not be able to invest.
R8+ [we pub] :: Our region intends to use ESF+ resources for short courses and would welcome clear European guidance on eligibility.
R8~ [we ngo] :: Funding should be accessible to small NGOs, which means simpler applications and lump sums.
R8+ R7+ :: Money for courses and money for guidance should come together; one without the other does not work.
R8- [we emp] :: Companies should pay for the training they need; EU funds should concentrate on people without an employer.
R8~ [I] :: Subsidies are good, but only if they do not simply raise the prices that providers charge.
P08+ P10+ :: The learner needs time, money and advice; funding should address all three.
 :: Funding for digital infrastructure in schools and adult education centres is also needed.
 :: The administrative burden in EU projects discourages small organisations from applying.
 :: The Recovery and Resilience Facility offers an opportunity here.
 :: National budgets for adult learning have been cut for years.
 :: Individual learning accounts are being discussed in several Member States.

## general
R1+ :: A European approach is welcome and long overdue.
R1+ P02+ :: What matters most is transparency and comparability across Europe.
P03+ :: Micro-credentials should be developed together with employers so that they stay relevant.
P03~ :: Relevance to the labour market matters, as long as it is not the only criterion.
P08+ :: Please put learners at the centre of the design.
P05+ :: Micro-credentials should open learning pathways, not lead into dead ends.
P10+ :: Better information and guidance for learners is essential.
P02+ :: Providers should publish clear information on content, workload and assessment before enrolment.
D8+ :: Micro-credentials are a tool for inclusion and social cohesion, not just for the labour market.
R1- :: We are worried that the initiative will create more bureaucracy than value.
R1~ :: We support the initiative, but ask that implementation is gradual and tested in pilots first.
P04+ :: Assessment must be robust, whatever the provider.
R7+ :: Better permeability between VET and higher education is long overdue.
P09+ :: Authenticity must be guaranteed, otherwise fraud will follow.
P05~ :: Learning pathways are important, but they must not force everyone to aim for a full degree.
P03+ [we emp] :: We urge the Commission to involve employers directly in designing the content, not only in consultations.
P08+ [we ngo] :: Learners with disabilities and learners with fewer opportunities must be considered from the very start.
R1+ [we hei] :: Our university supports the initiative and is ready to take part in pilots.
R1~ [we hei] :: We welcome the initiative, provided institutional autonomy is fully respected.
R1- [I] :: Another EU scheme that nobody outside Brussels will understand.
P10~ :: Guidance is important, but it should be independent of the providers who sell the courses.
P03- :: The obsession with labour-market relevance is misplaced; education is about more than jobs.
P05+ R7+ :: A learner should be able to move from a short course to a degree programme without starting from zero.
P02~ :: Transparency is good, but the information must be short enough for learners to read it.
D6+ P05+ [we other] :: Our experience shows that learners who can build on earlier modules stay in learning much longer.
 :: Thank you for the opportunity to contribute.
 :: We look forward to the Council Recommendation.
 :: Micro-credentials should complement, not replace, full qualifications.
 :: It would be useful to learn from the pilots already running in several countries.
 :: The terminology should be consistent across all EU documents.
 :: The consultation focuses too much on higher education.
 :: Please publish the results of this consultation.
 :: We hope the social partners will be involved in the next steps.
"""

# ---------------------------------------------------------------- fillers
OPENERS = {
    "I": [
        "Thank you for asking citizens.",
        "Just a few thoughts from a learner's perspective.",
        "I am answering as an adult learner.",
        "Speaking from my own experience:",
        "I went back to studying at 40, so this matters to me.",
        "I teach in adult education, so I see this every day.",
        "Good question.",
    ],
    "we": [
        "<ORG> welcomes the opportunity to respond.",
        "Thank you for the opportunity to comment.",
        "<ORG> would like to make the following points.",
        "Our views on this question are as follows.",
        "From the perspective of <ORG>:",
        "We have discussed this question with our members.",
        "Briefly:",
    ],
}
CLOSERS = {
    "I": ["Thank you.", "Thanks for listening.", "Hope this helps.", "That's all from me.", "Good luck with this initiative!"],
    "we": ["We remain available for further discussion.", "Thank you for considering our views.",
           "<ORG> is ready to contribute to the next steps.", "Kind regards."],
}
CONNECTIVES = ["Moreover, ", "In addition, ", "At the same time, ", "Furthermore, ", "Also, ",
               "That said, ", "Secondly, ", "Finally, ", "Above all, ", "In practice, ", "Besides, "]
SHORT = ["Yes.", "Agree.", "No comment.", "Nothing to add.", "Fully agree with the proposal.",
         "Yes, absolutely.", "Not sure.", "I don't know.", "No.", "See above.", "As above.",
         "No opinion.", "Agree with the proposal", "Difficult to say.", "Same as previous answer."]
SEE_ATTACHED = ["See written response.", "Please see the attached position paper.", "See attached.",
                "Our detailed views are set out in the document uploaded below.",
                "Please refer to our position paper (uploaded).", "See our written contribution.",
                "Please see the document attached to this submission, section 3."]
OFFTOPIC = [
    "This questionnaire is far too long and very technical for ordinary citizens.",
    "The questions are clearly leading; it looks as if the Commission has already decided.",
    "Why can't I save my answers and come back later?",
    "I don't understand what this question means.",
    "Stop wasting taxpayers' money on surveys nobody reads.",
    "The EU should focus on housing and energy prices instead.",
    "Please make university free for everyone, that would solve most problems.",
    "My son could not find an apprenticeship for two years and nobody helped him.",
    "The survey crashed twice before I could submit my answers.",
    "Why is there no option for people who are unemployed?",
    "I found out about this consultation by accident; it should be advertised much better.",
    "The same question was asked three times in different words.",
]
BARRIER_OTHER = [
    "Lack of childcare", "Age discrimination by employers", "Bureaucracy when applying for training vouchers",
    "Language barriers for migrants", "Poor internet connection in rural areas",
    "Disability and lack of accessible course formats", "No recognition of prior learning",
    "Fear of failing exams", "Too many offers and no way to compare their quality",
    "Loss of income during training", "Public transport to training centres",
    "Courses only offered in the capital", "Lack of career guidance for adults",
]
PROVIDER_OTHER = [
    "Libraries", "Museums and cultural institutions", "Training institutes of the social partners",
    "Professional associations", "Public research organisations", "Sports federations",
    "Hospitals and care providers as training providers", "Any provider that meets the quality criteria",
    "Civil society organisations", "Employers' in-house academies", "Adult education centres run by municipalities",
]

# Personal data templates for anonymous answers. Slots: {PERSON} {EMAIL} {PHONE} {ADDRESS} {ID} {ROLE}
BARRIER_OTHER_MORE = [" – especially for single parents", " in my region", ", which nobody ever talks about",
                      ". This is the main problem for older workers.", " (courses are always in the evening)",
                      ", in particular for people on short-term contracts", " – I have experienced this myself",
                      ". Please take this into account."]
PROVIDER_OTHER_MORE = [" – they already run digital skills courses", " in rural areas", ". They reach people universities never reach.",
                       " (for example in the care sector)", ", which are often forgotten", " and community centres",
                       " – they have decades of experience with adult learners"]

PD_TEMPLATES = [
    "My name is {PERSON} and I {work as a nurse|teach at a secondary school|am a part-time student|run a small bakery}.",
    "You can contact me at {EMAIL} if you have questions.",
    "Feel free to call me on {PHONE} if anything is unclear.",
    "Best regards,\n{PERSON}",
    "Kind regards, {PERSON} ({EMAIL})",
    "I live at {ADDRESS} and the nearest training centre is over an hour away by bus.",
    "My student number was {ID}, in case you want to check my story.",
    "I am {ROLE}, so I deal with these certificates every day.",
    "Contact: {PERSON}, {PHONE}",
    "{PERSON}, {ADDRESS}",
]

PAPER = {
    "title": ["Position paper on a European approach to micro-credentials",
              "Response to the public consultation on micro-credentials for lifelong learning and employability",
              "Contribution to the European Commission's consultation on micro-credentials",
              "Micro-credentials: position of <ORG>"],
    "date": "{city}, {day} {month} 2021",
    "months": ["April", "May", "June", "July"],
    "about_heading": "About <ORG>",
    "about": {
        "hei": ["<ORG> is a public higher education institution with around {n} students and a growing portfolio of continuing education courses.",
                "<ORG> is a research-intensive university that has offered short professional courses for more than {k} years."],
        "emp": ["<ORG> is a company active in {sector} and trains around {n} employees every year.",
                "<ORG> represents {n} companies in the {sector} sector, most of them small and medium-sized enterprises."],
        "union": ["<ORG> is a trade union representing around {n} workers in {sector}."],
        "pub": ["<ORG> is the public body responsible for adult education and vocational training in its region.",
                "<ORG> is a public agency in charge of qualifications and their recognition."],
        "ngo": ["<ORG> is a non-profit organisation that promotes access to learning for adults with fewer opportunities.",
                "<ORG> is a network of {n} member organisations working in adult and non-formal education."],
        "other": ["<ORG> is a network of vocational education and training providers.",
                  "<ORG> is an independent quality assurance agency working with education providers.",
                  "<ORG> represents continuing education providers in the public and private sector."],
        "cit": ["This paper reflects the views of an individual learner and adult educator."],
    },
    "about_extra": ["We have been involved in several Erasmus+ projects on skills and recognition.",
                    "We took part in national discussions on micro-credentials in 2020 and 2021.",
                    "This paper was prepared after consultation of our members."],
    "intro": ["<ORG> welcomes the opportunity to contribute to the public consultation on a European approach to micro-credentials.",
              "We share the Commission's aim of making learning opportunities more flexible and inclusive."],
    "headings": {"barriers": "Lifelong learning and access", "definition": "The proposed definition",
                 "elements": "Standard elements", "qa": "Quality assurance", "recognition": "Recognition",
                 "portability": "Portability and Europass", "credits": "ECTS and qualifications frameworks",
                 "providers": "Trusted providers", "funding": "Funding and incentives", "general": "Further remarks"},
    "summary_heading": "Summary of recommendations",
    "conclusion": ["<ORG> remains at the Commission's disposal for further dialogue.",
                   "We hope these comments will be taken into account in the preparation of the Council Recommendation."],
    "contact": "Contact: {email}",
    "sectors": ["information technology", "manufacturing", "health and social care", "construction", "logistics",
                "tourism and hospitality", "energy", "retail", "financial services", "agriculture and food"],
    "lead_ins": ["For <ORG>, ", "In our experience, ", "We would stress that ", "Our position is clear: ",
                 "On this point, "],
}
