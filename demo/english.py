"""English translations of the demo: the home page, the portal's news, every province and neighbourhood
page, the neighbourhoods' news indexes, a few news items and one asset. Written from the facts of the Persian
content in demo.content; the places keep their Persian names in Latin letters.

Each entry names a page by its slugs from the home page and gives its English text field by field;
rich text is a list of paragraphs, in the order of the Persian paragraphs they translate. A neighbourhood's
council is given row by row, in the order of the Persian rows: its members as (name, organisation) and its
committees as (name, chair, duties), with "" where the Persian row leaves the field empty. Roles and
committee areas are choices, shown in English by the catalogue.
"""

HOME = {
    "title": "Mahalle",
    "tagline": "Portal of the neighbourhood facilitation offices and neighbourhood progress councils",
    "intro": [
        "Mahalle is the shared home of the facilitation and local development offices and the neighbourhood "
        "progress councils. Here you can read your neighbourhood's news, meet the council and its specialised "
        "committees, and find out where the facilitation office is and on which days it is open.",
        "With the help of local trustees, the mosque and the school, NGOs and benefactors, these offices find "
        "the neighbourhood's problems together with its residents and bring residents and public agencies to "
        "the same table to solve them. Everything done in your neighbourhood, from needs assessments and skills "
        "courses to cleaning up a defenceless space, is reported on this portal.",
    ],
}

PORTAL_NEWS = {"path": ["news"], "title": "News", "intro": [
    "The latest news of every neighbourhood, from council meetings to occasions and training courses."
]}

NEIGHBORHOOD_INDEX = {
    "path": ["neighborhoods"],
    "title": "Neighbourhoods",
    "intro": [
        "Facilitation offices by province and city. Find your neighbourhood to see the office's address and "
        "opening hours, the members of its neighbourhood progress council and the latest news."
    ],
}

NEIGHBORHOOD_NEWS = {"title": "Neighbourhood news", "intro": [
    "Reports of the work of the facilitation office and the neighbourhood progress council."
]}

PROVINCES = {
    "markazi": {
        "title": "Markazi",
        "intro": [
            "In Markazi province, the facilitation and local development office of Kuy-e Imam Sajjad (Bagh-e "
            "Khalaj) and Roudaki in Arak has been at work since June 2019. Building on the neighbourhoods' own "
            "capacities, it works to understand their problems, reduce social harms and empower families, "
            "accompanied by the province's lead of the facilitation programme."
        ],
    },
    "qom": {
        "title": "Qom",
        "intro": [
            "Marginal settlement is counted among the province's priority social harms in Qom. To bring people "
            "into running their neighbourhoods, three facilitation offices have been opened in the province: in "
            "Shahr-e Ghaem, Aminabad and the Darvazeh-Rey neighbourhood. Their work is to make residents "
            "partners in improving their neighbourhoods, so that it does not rest on public agencies alone.",
            "The province's working group on social and cultural affairs, health, women and the family "
            "regularly reviews the facilitation offices in the deprived areas of Shahr-e Ghaem and Esmaeilabad, "
            "and has asked them to work more closely with the mosques, community organisations, Basij bases, "
            "the Relief Committee and the Welfare Organisation.",
        ],
    },
    "tehran": {
        "title": "Tehran",
        "intro": [
            "In the city of Tehran, the programme for the empowerment and community-led transformation of "
            "underprivileged neighbourhoods is carried out in District 13 with the district's coordination "
            "council, both in support for families and in skills training and employment."
        ],
    },
    "zanjan": {
        "title": "Zanjan",
        "intro": [
            "The neighbourhood-based management programme started in Zanjan province in autumn 2025 and runs "
            "first as a pilot in eight areas. County governors are responsible for carrying it out, and the "
            "neighbourhood progress council is its keystone."
        ],
    },
    "qazvin": {
        "title": "Qazvin",
        "intro": [
            "In Qazvin, the province's secretariat for the empowerment of deprived urban areas has set up "
            "specialised committees for the social, economic, physical and environmental dimensions together "
            "with NGOs, so that the problems of marginal neighbourhoods become projects that get done."
        ],
    },
}

NEIGHBORHOODS = {
    "bagh-khalaj": {
        "province": "markazi",
        "title": "Kuy-e Imam Sajjad (Bagh-e Khalaj)",
        "city": "Arak",
        "district": "District 2 of Arak Municipality",
        "other_names": "Bagh-e Khalaj",
        "landmarks": "From Yas Street to the alleys around the Neighbourhood House; next to Roudaki, which shares its facilitation office",
        "office_address": "Arak, Kuy-e Imam Sajjad, Yas Street, Third Alley, Neighbourhood House building",
        "council_members": [
            ("Hossein Moradi", "Board of trustees of the neighbourhood mosque"),
            ("Fatemeh Rahimi", "Mehr Association for the Support of Women"),
            ("Mahdi Salehi", "Social worker"),
            ("Zahra Nowruzi", "Imam Sajjad Charity"),
            ("Ali-Akbar Sharifi", "Head of the neighbourhood primary school"),
            ("Somayeh Kazemi", "Neighbourhood health post"),
            ("Reza Ghasemi", ""),
        ],
        "committees": [
            (
                "Civil works committee",
                "Reza Ghasemi",
                "Following up paving of the alleys, street lighting and clearing the gutters with the district "
                "municipality.",
            ),
            ("Health committee", "Somayeh Kazemi", "Screenings with the health post and family health education."),
            (
                "Social harms committee",
                "Mahdi Salehi",
                "Standing by women on their way out of addiction, preventing school drop-out and referring families "
                "who need support.",
            ),
            (
                "Social vitality committee",
                "Fatemeh Rahimi",
                "Programmes for occasions, celebrations and family outings with the residents' help.",
            ),
        ],
        "summary": (
            "A settlement on the edge of Arak whose facilitation office has worked since June 2019 to reduce "
            "social harms and empower families, hand in hand with local trustees and benefactors."
        ),
        "introduction": [
            "Most people in Arak still know Kuy-e Imam Sajjad by its old name, Bagh-e Khalaj. The neighbourhood "
            "grew in the years when the city was expanding and families who came to Arak from the surrounding "
            "towns and villages for work wanted somewhere cheaper to build a home. Today too little green space, "
            "narrow alleys and poor access to city services are the residents' constant worries.",
            "The facilitation and local development office of this neighbourhood and its neighbour, Roudaki, "
            "formally started work in June 2019. With the neighbourhood progress council, the facilitators go "
            "over the neighbourhood's strengths and weaknesses with the residents themselves, rank its problems "
            "by importance and for each one draw on the mosque, the school, benefactors and public agencies.",
            "Free addiction treatment for women, skills classes and occasions such as Tree Planting Day and "
            "International Women's Day are among the office's best-known work.",
        ],
        # One asset in English: the others are listed on the English page in Persian, marked so.
        "assets": {
            "masjed-emam-sajjad": {
                "title": "Imam Sajjad Mosque",
                "summary": "The neighbourhood mosque, where the neighbourhood progress council meets.",
                "address": "Yas Street, opposite the Fifth Alley",
                "facilities": "Prayer hall\nAssembly hall\nKitchen",
                "accessibility": "Step-free entrance from the courtyard.",
            },
        },
        "news": {
            "womens-day": {
                "title": "Active women of Bagh-e Khalaj honoured on International Women's Day",
                "lead": (
                    "On International Women's Day the facilitation office thanked twelve women of the "
                    "neighbourhood who led the way last year in volunteering, home businesses and standing by "
                    "families in difficulty."
                ),
                "body": [
                    "The ceremony was held in the small hall of the neighbourhood house, filled by residents, "
                    "above all the neighbourhood's mothers and daughters. The residents themselves had proposed "
                    "the names in the weeks before, and the neighbourhood progress council chose among them.",
                    "Among those honoured was a woman who has taught the neighbourhood's children the Quran and "
                    "mathematics at home for two years, and a woman who, after completing treatment at this very "
                    "office, now accompanies the women who are just starting.",
                    "At the end, the council's deputy chair said that next year the neighbourhood house will hold "
                    "bookkeeping classes for women's home businesses.",
                ],
            },
        },
    },
    "roudaki": {
        "province": "markazi",
        "title": "Roudaki",
        "city": "Arak",
        "district": "District 2 of Arak Municipality",
        "landmarks": "Next to Kuy-e Imam Sajjad (Bagh-e Khalaj); the two neighbourhoods share one facilitation office, in the Neighbourhood House on Yas Street",
        "office_address": "Arak, Kuy-e Imam Sajjad, Yas Street, Third Alley, Neighbourhood House building",
        "council_members": [
            ("Mohammad-Ali Farahani", ""),
            ("Maryam Asadi", "Urban planning specialist"),
            ("Amir Heydari", "Roudaki Young Volunteers Society"),
            ("Masoumeh Yazdani", "The neighbourhood's girls' secondary school"),
            ("Abolfazl Karimi", "Neighbourhood interest-free loan fund"),
            ("Hamid Tavakoli", "Neighbourhood Basij base"),
        ],
        "committees": [
            (
                "Civil works committee",
                "Maryam Asadi",
                "Lighting the alleys, making the streets safe and following up a play area for children.",
            ),
            (
                "Public safety committee",
                "Hamid Tavakoli",
                "Finding defenceless spaces and working with the police station to make the neighbourhood safer.",
            ),
            (
                "Social vitality committee",
                "Amir Heydari",
                "Celebrations, sports competitions and the programmes of the neighbourhood hangout.",
            ),
            ("Health committee", "Masoumeh Yazdani", "Health education for teenagers and work with the health centre."),
        ],
        "summary": (
            "A crowded, young neighbourhood next to Bagh-e Khalaj, served by the same facilitation office, which "
            "finished its door-to-door needs assessment this year."
        ),
        "introduction": [
            "Roudaki is a neighbourhood of busy alleys and families who are mostly young, with small children. "
            "Too few places for children to play, poorly lit alleys and youth unemployment are problems the "
            "residents have raised again and again.",
            "The facilitation and local development office of Kuy-e Imam Sajjad and Roudaki has served this "
            "neighbourhood too since 2019. Roudaki has its own neighbourhood progress council, whose committees, "
            "with the residents' help, are turning abandoned plots and defenceless spaces into safe, lively "
            "places one by one.",
        ],
        "news": {
            "needs-assessment-begins": {
                "title": "Door-to-door needs assessment begins in Roudaki",
                "lead": (
                    "Twenty trained volunteers from among Roudaki's residents took up the needs-assessment "
                    "questionnaire to knock on every door of the neighbourhood within three weeks."
                ),
                "body": [
                    "The office's facilitators designed the questionnaire with the help of an urban planner who "
                    "sits on the council; it asks about everything from the state of the alleys and their "
                    "lighting to youth employment and access to the school and the health centre.",
                    "Before starting, the volunteers spent a full day learning how to talk with families and "
                    "keep what they hear confidential. Answers are recorded without names, and only a summary "
                    "goes to the council.",
                    "Residents who are not at home when the volunteers call can fill in the questionnaire at the "
                    "office or through the needs-assessment form on this portal.",
                ],
            },
        },
    },
    "shahr-e-ghaem": {
        "province": "qom",
        "title": "Shahr-e Ghaem",
        "city": "Qom",
        "district": "District 8 of Qom Municipality",
        "landmarks": "Around the main boulevard and the neighbourhood mosque, in District 8 of Qom Municipality",
        "office_address": "Qom, Shahr-e Ghaem, Main Boulevard, Nastaran Alley, next to the neighbourhood mosque",
        "council_members": [
            ("Seyyed Mahmoud Hosseini", "Prayer leader of the neighbourhood mosque"),
            ("Akram Mohammadi", "Omid Children's House"),
            ("Javad Rostami", "Social work specialist"),
            ("Gholamreza Babaei", ""),
            ("Narges Abbasi", "Neighbourhood health house"),
            ("Yousef Jafari", "Benefactors' Charity of Shahr-e Ghaem"),
            ("Kazem Nazari", "Neighbourhood Basij base"),
            ("Leila Safari", "The neighbourhood's girls' primary school"),
        ],
        "committees": [
            ("Civil works committee", "Gholamreza Babaei", "Lighting, paving and draining surface water."),
            (
                "Health committee",
                "Narges Abbasi",
                "Screenings, vaccinations and nutrition education with the health house.",
            ),
            ("Social vitality committee", "Leila Safari", "Cultural, sports and occasion programmes for families."),
            (
                "Public safety committee",
                "Kazem Nazari",
                "Working with the police, lighting dark spots and keeping the way to school safe.",
            ),
            (
                "Social harms committee",
                "Javad Rostami",
                "Preventing school drop-out and child labour, and referring families to the Welfare Organisation and "
                "the Relief Committee.",
            ),
        ],
        "summary": (
            "One of Qom's underprivileged neighbourhoods, whose facilitation office works with the mosque, the "
            "Basij base, the Relief Committee and the Welfare Organisation to bring residents into running "
            "their neighbourhood."
        ),
        "introduction": [
            "Shahr-e Ghaem grew as families moved to the edge of Qom, and it still lacks basic services. Many "
            "residents feel they have been left out of sight of those in charge, and one of the facilitation "
            "office's main tasks is to restore that sense of belonging and of being seen.",
            "Shahr-e Ghaem's facilitation office is one of the first in the province. The facilitators are not "
            "there to repeat the work of public agencies; their job is to seat residents next to the agencies "
            "so that the neighbourhood's problems are solved with the people themselves.",
            "Two factories operate within the neighbourhood, and keeping their jobs when they move to the "
            "industrial estates is one of the matters the neighbourhood progress council is following up.",
        ],
    },
    "esmaeilabad": {
        "province": "qom",
        "title": "Esmaeilabad",
        "city": "Qom",
        "district": "District 3 of Qom Municipality",
        "landmarks": "Around Shaghayegh Street and the neighbourhood health post, in District 3 of Qom Municipality",
        "office_address": "Qom, Esmaeilabad, Shaghayegh Street, health post building, first floor",
        "council_members": [
            ("Abbas Rahmani", ""),
            ("Tahereh Mousavi", "Kind Hands Charity"),
            ("Saeed Kamrani", "Civil engineer"),
            ("Mansoureh Ghorbani", "Hamyaran Association of Esmaeilabad"),
            ("Mohammad-Reza Akbari", "Board of trustees of the neighbourhood hosseinieh"),
            ("Parvin Shakeri", "Neighbourhood health post"),
        ],
        "committees": [
            (
                "Civil works committee",
                "Saeed Kamrani",
                "Following up the neighbourhood's joining the city's service area, paving, and renovating run-down "
                "houses.",
            ),
            (
                "Social harms committee",
                "Mansoureh Ghorbani",
                "Finding families who need support and referring them to the Welfare Organisation and the Relief "
                "Committee.",
            ),
            (
                "Health committee",
                "Parvin Shakeri",
                "Following up health insurance and the family doctor, and health education.",
            ),
            ("Social vitality committee", "Mohammad-Reza Akbari", "Neighbourhood sports, religious and occasion programmes."),
        ],
        "summary": (
            "An underprivileged neighbourhood on the edge of Qom whose progress council is working to bring it "
            "within the city's services and to support the clients of the Welfare Organisation and the Relief "
            "Committee."
        ),
        "introduction": [
            "For years Esmaeilabad has stayed outside the view of many city programmes. Dirt alleys, run-down "
            "houses and no sports ground or green space are the neighbourhood's familiar picture; but old "
            "neighbourly ties and the residents' trust in local trustees are an asset the facilitation office "
            "counts on.",
            "With the office's help, the neighbourhood progress council has brought the list of families "
            "supported by the Welfare Organisation and the Relief Committee up to date, and is pursuing with the "
            "municipality and the provincial roads and urban development office the proposal to join the "
            "neighbourhood to the adjacent district, so that city services reach it more easily.",
        ],
    },
    "sorkheh-hesar": {
        "province": "tehran",
        "title": "Sorkheh Hesar",
        "city": "Tehran",
        "district": "District 13",
        "landmarks": "In District 13 of Tehran; the Neighbourhood House is on Laleh Street",
        "office_address": "Tehran, Sorkheh Hesar, Laleh Street, Neighbourhood House, room 4",
        "council_members": [
            ("Naser Amiri", "One of the neighbourhood's long-standing residents"),
            ("Shahla Mortazavi", "Tavana NGO"),
            ("Kamran Shirazi", "Microeconomics specialist"),
            ("Azadeh Fathi", "Bread and Kindness Charity"),
            ("Majid Soltani", "Head of the neighbourhood house"),
            ("Fereshteh Delavari", "Family doctor at the neighbourhood health centre"),
            ("Behrouz Zamani", "Shopkeeper at the neighbourhood market"),
        ],
        "committees": [
            (
                "Health committee",
                "Fereshteh Delavari",
                "Enrolling residents in health insurance and the family doctor programme, and free visits for "
                "low-income families.",
            ),
            (
                "Public safety committee",
                "Behrouz Zamani",
                "Finding and improving defenceless spaces and opening neighbourhood hangouts.",
            ),
            (
                "Social harms committee",
                "Shahla Mortazavi",
                "Supporting people in difficulty, introducing clients to jobs and following up food parcels.",
            ),
            (
                "Social vitality committee",
                "Majid Soltani",
                "The neighbourhood house's programmes for children, teenagers and older people.",
            ),
            (
                "Civil works committee",
                "Naser Amiri",
                "Following up the improvement of streets and floodways with the district municipality.",
            ),
        ],
        "summary": (
            "A neighbourhood in the east of Tehran that receives both support and skills and employment "
            "programmes under District 13's programme for the empowerment and community-led transformation of "
            "underprivileged neighbourhoods."
        ),
        "introduction": [
            "Sorkheh Hesar lies on the eastern edge of Tehran, where the city meets the hills and the forest "
            "park. The neighbourhood's old village fabric, beside new building, is home to families on low "
            "incomes with too few services.",
            "In District 13's programme for underprivileged neighbourhoods, the work goes on in two parts: in "
            "support, families in need are identified and registered and receive food parcels and hot meals; "
            "in empowerment, skills courses, referring job seekers to the businesses of the neighbourhood house "
            "and benefactors' help for home businesses.",
            "The neighbourhood's facilitation office is based in the neighbourhood house, and the neighbourhood "
            "progress council works with the district's coordination council so that agencies do not duplicate "
            "each other's work.",
        ],
    },
    "eslamabad-zanjan": {
        "province": "zanjan",
        "title": "Eslamabad",
        "city": "Zanjan",
        "district": "District 3 of Zanjan Municipality",
        "landmarks": "Around Bahar Street, in District 3 of Zanjan Municipality",
        "office_address": "Zanjan, Eslamabad, Bahar Street, Second Alley, facilitation office building",
        "council_members": [
            ("Yadollah Nouri", ""),
            ("Sakineh Bigdeli", "The neighbourhood's comprehensive health services centre"),
            ("Iman Zarei", "Sociologist"),
            ("Hassan Maleki", "Board of trustees of the neighbourhood's main mosque"),
            ("Roghayeh Afshar", "Mehr-e Koudak Association of Zanjan"),
            ("Morteza Khodabandehlou", "Helpers of Eslamabad Charity"),
            ("Davoud Soleimani", "Neighbourhood Basij base"),
        ],
        "committees": [
            ("Civil works committee", "Hassan Maleki", "Better infrastructure, paving and draining surface water."),
            (
                "Health committee",
                "Sakineh Bigdeli",
                "Screening children and older people, and family health education.",
            ),
            (
                "Social vitality committee",
                "Roghayeh Afshar",
                "Cultural and sports programmes that bring the residents closer together.",
            ),
            (
                "Public safety committee",
                "Davoud Soleimani",
                "Drawing up the map for making the neighbourhood safer and keeping it up to date.",
            ),
            (
                "Social harms committee",
                "Iman Zarei",
                "Watching the neighbourhood's social problems and following up local solutions.",
            ),
        ],
        "summary": (
            "One of the eight pilot areas of the neighbourhood-based management programme in Zanjan province, "
            "with a neighbourhood progress council of local trustees, local institutions, NGOs, charities and "
            "local experts."
        ),
        "introduction": [
            "Eslamabad is one of the largest marginal neighbourhoods of Zanjan; it grew from the self-built "
            "housing of past decades and still struggles with too few public works, too little room for schools "
            "and unsafe alleys.",
            "The neighbourhood-based management programme started in Zanjan province in autumn 2025, and "
            "Eslamabad is one of the eight areas where it runs first as a pilot. At its heart is the "
            "neighbourhood progress council, which brings government agencies and community organisations to "
            "the same table.",
            "The council's five committees work on civil works, health, social vitality, public safety and "
            "social harms, and a map for making the neighbourhood safer is one of their first projects.",
        ],
        "news": {
            "committees-formed": {
                "title": "Eslamabad's neighbourhood progress council forms its five committees",
                "lead": (
                    "At the first formal meeting of the neighbourhood progress council, Eslamabad's five "
                    "committees learned who chairs them and what their work will be."
                ),
                "body": [
                    "The neighbourhood progress council is the backbone of the neighbourhood-based management "
                    "programme in Zanjan. In Eslamabad its members were chosen from local trustees, the mosque's "
                    "board, the health centre, the Basij base, a children's NGO, a local charity and a "
                    "sociologist.",
                    "Each committee was asked to prepare, by the end of Farvardin, a list of the three main "
                    "problems in its field after asking the residents. The office's facilitators are handing out "
                    "the survey forms at the mosque and the schools.",
                    "At the end of the meeting the council's chair said the council is not there to do the "
                    "agencies' work, but to carry the neighbourhood's voice to them and keep following up.",
                ],
            },
        },
    },
    "manba-ab": {
        "province": "qazvin",
        "title": "Manba-e Ab",
        "city": "Qazvin",
        "district": "District 2 of Qazvin Municipality",
        "landmarks": "Around Arghavan Street, in District 2 of Qazvin Municipality",
        "office_address": "Qazvin, Manba-e Ab, Arghavan Street, Sixth Alley, No. 12",
        "council_members": [
            ("Esmaeil Dehghan", ""),
            ("Nasrin Hatami", "Qazvin Green Society"),
            ("Behzad Rafiei", "Town planning specialist"),
            ("Mahin Taheri", "Society for the Support of Women Heads of Household"),
            ("Jalal Ghanbari", "Benefactors' Charity of Manba-e Ab"),
            ("Rouhollah Mokhtari", "Cleric of the neighbourhood mosque"),
        ],
        "committees": [
            (
                "Social dimension committee",
                "Mahin Taheri",
                "Cultural and social programmes to reduce social harms, with NGOs, the mosque and the neighbourhood "
                "tekyeh.",
            ),
            (
                "Economic dimension committee",
                "Jalal Ghanbari",
                "Local micro-funds, skills training and linking residents with the job market.",
            ),
            (
                "Physical dimension committee",
                "Behzad Rafiei",
                "Following up half-finished projects, streets and run-down buildings.",
            ),
            (
                "Environmental dimension committee",
                "Nasrin Hatami",
                "Waste, green space and cleaning up abandoned plots and the edges of the floodway.",
            ),
        ],
        "summary": (
            "A neighbourhood among Qazvin's deprived urban areas whose committees work with NGOs on four "
            "dimensions: social, economic, physical and environmental."
        ),
        "introduction": [
            "Manba-e Ab is one of Qazvin's marginal neighbourhoods, grown through unplanned building in past "
            "years. Projects that were started for the neighbourhood and left half-finished are a constant "
            "complaint of its residents.",
            "In Qazvin province, the secretariat for the empowerment of deprived urban areas has set up "
            "specialised committees on four dimensions, social, economic, physical and environmental, which "
            "bring each field's NGOs and public agencies together so that the neighbourhood's problems become "
            "definite plans and projects.",
            "Manba-e Ab's neighbourhood progress council works on the same model, and the facilitation office "
            "brings NGOs to the neighbourhood for needs assessments and cultural programmes.",
        ],
    },
}


PRIVACY = {"title": "Privacy notice", "intro": (
    "What the neighbourhood facilitation offices do with what you send through this portal, how long they keep it "
    "and who sees it."), "body": [
    "What we keep: the answers of every form you send, and your name, mobile number, national code, photo or map "
    "point if you give them. Each submission gets an eight-digit tracking code; the office's reply can be read only "
    "with it and the last four digits of your mobile.",
    "Who sees it: the staff of that neighbourhood's facilitation office and the province's coordinators. "
    "Confidential forms and programmes, such as addiction treatment, family support and identity papers, are seen "
    "only by the caseworkers the office has chosen; others see how many requests there are. No neighbourhood's "
    "staff see another neighbourhood's data.",
    "Every view or export of personal data is recorded with the viewer's name, the time and their IP address, and "
    "the province's coordinators review these records.",
    "For how long: three years after sending. After that the name, mobile, national code, photo, map point and "
    "written answers are deleted, and only counts and chosen options remain for the monthly reports.",
    "What is published: nothing from the cases. The public map of defenceless spaces shows only the number of "
    "reports staff have confirmed, in cells of about 500 metres with at least three reports; never an exact place "
    "or a name.",
    "Referral: the office passes a case to the Welfare Organisation, the Relief Committee, the health centre or "
    "another agency it concerns; follow-up messages go by the SMS or e-mail you gave.",
    "Questions, or a request to correct or delete your data: contact your neighbourhood's facilitation office "
    "and have your tracking code with you.",
]}

ACCESSIBILITY = {"title": "Accessibility statement", "intro": (
    "This portal is for every resident of the neighbourhoods, on any phone and with any ability. What we have "
    "checked so far and what is still missing."), "body": [
    "Pages are right-to-left in the Vazirmatn typeface served by the portal itself; dates are in the Solar Hijri "
    "calendar with Persian digits, and the English pages are left-to-right with Gregorian dates.",
    "Public pages and forms are tested with axe-core against WCAG 2 at levels A and AA, at phone and desktop "
    "sizes, and no page is wider than a phone's screen.",
    "Every form can be filled in and sent with the keyboard; each error is read beside its question and in a "
    "summary above the form, and numbers are accepted in Persian or Latin digits.",
    "The map of offices and neighbourhood assets needs no mouse: the same addresses are listed below the map.",
    "Still missing: some news photos have no text alternative other than the photo's title, and the monthly "
    "reports' PDF files are not tagged for screen readers.",
    "If part of the portal does not work for you, tell your neighbourhood's facilitation office, or fill in the "
    "same form by phone or in person at the office's service desk.",
]}
