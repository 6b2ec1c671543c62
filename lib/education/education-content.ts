// Plain-language education for the patient portal (SPEC §7), written in our own words from the
// facts of the clinical source article. Prose only; the page decides the layout.
import type { Locale } from "../generated/prisma/enums";

/**
 * A section of the education page. `painRule`: the page adds the pain rule after its paragraphs,
 * with the clinic's own pain limit (the handout's sentence: one limit, one wording).
 */
export type EducationSection = { id: string; heading: string; paragraphs: string[]; painRule?: true };
/**
 * The warning signs a patient can act on (SPEC §10; clinical review N5): the red flags that need a
 * doctor the same day, the signs that need help at once, and what may wait for the
 * physiotherapist. One list for the learn page, the messages page, the portal on hold and the handout.
 */
export type WarningSignsText = {
  heading: string;
  /** Where to turn outside the doctor's opening hours, said right under the heading. */
  outOfHours: string;
  signs: string[];
  /** Signs of a nerve emergency: call at once, or 112. */
  emergency: string;
  /** Not urgent: tell the physiotherapist. */
  nonUrgent: string;
  advice: string;
};
export type Education = { title: string; intro: string; sections: EducationSection[]; contactClinic: WarningSignsText };

export const EDUCATION: Record<Locale, Education> = {
  da: {
    title: "Om smerter under hælen",
    intro:
      "Mange kalder det hælspore, men det er sjældent knoglen, der gør ondt. Her kan du kort læse om, hvad der foregår i foden, hvad du selv kan gøre, og hvornår du skal kontakte klinikken.",
    sections: [
      {
        id: "what-is-it",
        heading: "Hvad er det, der gør ondt?",
        paragraphs: [
          "Under foden sidder fodsålens seneplade (plantarfascien): et kraftigt, fladt bånd af bindevæv, der går fra hælbenet frem til tæerne. Senepladen tager en del af belastningen, hver gang du sætter foden i jorden.",
          "Smerterne kommer typisk fra det sted, hvor senepladen sidder fast på hælbenet. Har vævet i en periode skullet klare mere, end det var vant til, bliver det ømt og stift.",
          "I en journal eller på en henvisning står der måske plantar fasciitis eller plantar fasciopati. I daglig tale hedder det ofte bare hælspore.",
        ],
      },
      {
        id: "the-spur",
        heading: "Og hvad så med hælsporen?",
        paragraphs: [
          "En hælspore er en lille udvækst af knogle under hælbenet, som kan ses på et røntgenbillede. Den findes tit hos folk, der slet ikke har ondt, og omvendt viser røntgen ofte ingen spore hos folk med hælsmerter.",
          "Sporen er derfor sjældent forklaringen på smerterne. Knoglen skal ikke behandles. Det er senepladen, der skal have lidt ro og bygges op, så den kan tåle mere.",
          "Som regel kan din fysioterapeut finde ud af, hvad det er, ved at trykke på hælen og bøje storetåen bagover. Det er sjældent nødvendigt med røntgen eller scanning; de bruges mest, hvis noget tyder på en anden årsag.",
        ],
      },
      {
        id: "symptoms",
        heading: "Sådan plejer det at føles",
        paragraphs: [
          "Smerten sidder oftest under hælen, ind mod fodens inderside og lige dér, hvor den bløde hælpude holder op. Nogle mærker den også et stykke ud i svangen.",
          "Det klassiske tegn er, at de første skridt om morgenen gør mest ondt. Det samme sker tit, når du rejser dig efter at have siddet længe.",
          "Gang plejer at løsne op efter nogle minutter. Til gengæld kan en lang gåtur eller en løbetur give ømhed bagefter. Nogle har mærket smerten vokse gradvist over flere uger; andre har fået den fra den ene dag til den anden.",
        ],
      },
      {
        id: "why",
        heading: "Hvorfor får man det?",
        paragraphs: [
          "Oftest er det summen af flere ting: i en periode har foden skullet bære mere, end senepladen kunne nå at vænne sig til.",
          "Typiske grunde er, at man hurtigt har øget sit løb eller sin gang, står op det meste af arbejdsdagen på et hårdt gulv eller går i sko, der er flade, slidte eller har høje hæle.",
          "Stramme lægge, fodens form (fx platfod eller hulfod), en højere vægt og en alder over 40 kan også øge risikoen.",
        ],
      },
      {
        id: "course",
        heading: "Hvor lang tid tager det?",
        paragraphs: [
          "Bindevæv heler langsomt, så det kræver tålmodighed. Hos mere end halvdelen forsvinder generne inden for et år, og omkring tre ud af fire er uden gener efter halvandet til to år – også uden specialbehandling.",
          "Hos nogle trækker det ud. Det sker oftere, hvis man ikke får ændret på det, der overbelastede foden.",
          "Smerterne kan vende tilbage senere. Fortsætter du med at træne foden, efter at smerterne er væk, kan det mindske risikoen for, at de kommer igen.",
        ],
      },
      {
        id: "what-helps",
        heading: "Det kan du selv gøre",
        paragraphs: [
          "Skær ned på det, der irriterer hælen mest, som regel løb, spring og lange ture til fods på asfalt eller fliser, men hold dig i gang. Cykling, crosstrainer og svømning skåner hælen.",
          "Gå i sko med en blød, stødabsorberende sål, også derhjemme, og undgå at gå barfodet. En blød hælkop eller et indlæg, der støtter svangen, kan tage noget af trykket fra hælen; spørg din fysioterapeut, hvad der passer til din fod.",
          "Rolige stræk af fodsålen og læggen kan løsne op. Blusser smerten op, kan kulde dæmpe den: pak en ispose ind i et viskestykke, og læg hælen på den i 10–15 minutter, gerne om aftenen. Brug ikke is, hvis du har nedsat følesans i foden eller dårligt blodomløb (fx ved åreforkalkning). Har du diabetes, så brug kun is, hvis din fysioterapeut har tjekket, at du kan mærke kulde og berøring normalt under foden, og se efter huden bagefter.",
          "Tape, der støtter svangen, kan lette smerterne i nogle uger. Har du fortsat meget ondt de første skridt om morgenen, kan en natskinne, der holder foden let bøjet op om natten, hjælpe. Er vægten en del af belastningen, kan et vægttab på sigt lette trykket på hælen – tal med din fysioterapeut eller læge om det.",
          "Skoene betyder noget: løbe- og gangsko mister dæmpningen, når de har gået 600–800 km, så skift dem, før de er helt slidte.",
          "Vil du tilbage til løb, er det et godt tegn, når du kan gå 30–45 minutter uden at have mere ondt næste morgen. Så kan du starte med korte skift mellem løb og gang og kun skrue op for én ting ad gangen.",
        ],
      },
      {
        id: "exercise-and-pain",
        heading: "Øvelsen og smertereglen",
        paragraphs: [
          "Den vigtigste øvelse i programmet er tunge, langsomme hælløft. Forfoden hviler på kanten af et trin med et sammenrullet håndklæde under tæerne, og hælen hænger frit. Du løfter dig langsomt op på tæerne og sænker hælen ned under trinnet igen, typisk tre sekunder hver vej.",
          "Du træner typisk 3–4 gange om ugen; din plan viser, præcis hvor tit. Undervejs lægges der mere vægt på, fx med en rygsæk, så øvelsen bliver ved med at være tung.",
          "I et dansk forsøg fra 2015 blev tunge hælløft sammenlignet med udstrækning. Efter tre måneder scorede hælløftgruppen bedre på et spørgeskema om smerte og funktion i foden (Foot Function Index). Efter 1, 6 og 12 måneder var der ingen forskel mellem grupperne. Begge grupper fik også et indlæg under hælen.",
        ],
        painRule: true,
      },
      {
        id: "other-treatments",
        heading: "Andre behandlinger",
        paragraphs: [
          "Massage og ultralyd hjælper kun lidt, hvis de står alene uden træning.",
          "Smertestillende medicin kan gøre det lettere at holde sig i gang, men den heler ikke senepladen. Paracetamol er førstevalget for de fleste. Gigtpiller (NSAID, fx ibuprofen) dæmper smerten en smule; tag dem kun i kort tid og efter aftale med en læge, især hvis du har mavesår, nyre- eller hjertesygdom eller tager blodfortyndende medicin.",
          "Har du stadig ondt efter nogle måneders målrettet træning, kan trykbølgebehandling (shockwave) komme på tale. Den anbefales i den amerikanske kliniske retningslinje for fysioterapeuter fra 2023 ved vedvarende hælsmerter, og i Danmark gives den oftest af fysioterapeuter. Retningslinjen anbefaler også lavintensiv laser. PRP (indsprøjtning med blodplader fra dit eget blod) er dårligere dokumenteret og ofte dyr.",
          "En blokade (indsprøjtning med binyrebarkhormon) kan lindre i en periode, nogle gange i flere måneder. Den gentages helst ikke mange gange, fordi smerterne tit vender tilbage, og fordi senepladen kan blive svækket og i sjældne tilfælde briste. Har du diabetes, kan blodsukkeret stige i nogle dage bagefter; aftal ekstra målinger med lægen.",
          "Operation er kun for de meget få, der stadig har ondt efter mere end et års grundig behandling. Kirurgen skærer da en del af senepladen over.",
        ],
      },
      {
        id: "after-treatment",
        heading: "Når forløbet slutter – og hvis smerterne kommer igen",
        paragraphs: [
          "Når du og din fysioterapeut afslutter forløbet, får du en plan for at holde foden stærk: typisk hælløft og fodøvelser et par gange om ugen med den belastning, du er nået til.",
          "Kommer smerterne igen, så skru ned for det, der belaster foden mest, og gå en uge eller to tilbage til et lettere niveau i øvelserne. Mærker du ikke bedring efter et par uger, så kontakt klinikken.",
        ],
      },
    ],
    contactClinic: {
      heading: "Kontakt egen læge samme dag, hvis",
      outOfHours: "Uden for lægens åbningstid ringer du til lægevagten – i Region Hovedstaden til Akuttelefonen 1813.",
      signs: [
        "du har feber, kulderystelser eller føler dig syg",
        "du slet ikke kan støtte på foden",
        "du har konstante smerter, der ikke letter, når du hviler eller skifter stilling, eller smerter, der vækker dig om natten",
        "du mærker et pludseligt smæld under foden, måske fulgt af et blåt mærke",
        "foden er rød, varm og hævet",
        "hælen hæver op, og smerterne tager til, jo mere du går",
        "smerterne pludselig bliver meget værre",
      ],
      emergency:
        "Mister du pludselig kraft i foden eller benet, eller får du svært ved at holde på vandet eller afføringen, så ring med det samme til lægevagten (i Region Hovedstaden Akuttelefonen 1813). Ved lammelser, der kommer pludseligt, ringer du 112.",
      nonUrgent:
        "Får du prikken, brænden eller en sovende fornemmelse i foden, som bliver ved, så fortæl det til din fysioterapeut. Det haster ikke.",
      advice:
        "Hold pause med øvelserne, indtil du har talt med lægen, og giv også din fysioterapeut besked. Kontakt klinikken, hvis du ikke mærker fremgang efter 6–8 uger, eller hvis smerten sidder bag på hælen eller kun i hælpuden.",
    },
  },
  en: {
    title: "About pain under the heel",
    intro:
      "Many people call it a heel spur, but the bone is rarely what hurts. Here is a short guide to what is going on in your foot, what you can do yourself, and when to contact the clinic.",
    sections: [
      {
        id: "what-is-it",
        heading: "What is it that hurts?",
        paragraphs: [
          "Under the sole of your foot there is a strong band of tissue running from the heel bone to the toes. It is called the plantar fascia, and it takes part of the load every time you put your foot down.",
          "The pain usually comes from the spot where this band attaches to the heel bone. If the tissue has had to cope with more than it was ready for over a period, it becomes sore and stiff.",
          "Health professionals call this plantar fasciitis or, when it has lasted a long time, plantar fasciopathy. In everyday speech it is often just called a heel spur.",
        ],
      },
      {
        id: "the-spur",
        heading: "So what about the heel spur?",
        paragraphs: [
          "A heel spur is a small outgrowth of bone under the heel bone that can show up on an X-ray. It is often found in people with no pain at all, and many people with heel pain have no spur.",
          "So the spur is rarely the explanation for the pain. Treatment is not aimed at the bone but at letting the band of tissue settle and making it stronger.",
          "Your physiotherapist can usually make the diagnosis by examining your foot, for example by pressing on the heel and bending the big toe back. X-rays and scans are rarely needed and are mainly used if something else is suspected.",
        ],
      },
      {
        id: "symptoms",
        heading: "How it usually feels",
        paragraphs: [
          "It usually hurts on the underside of the heel, just in front of the soft heel pad and towards the inside of the foot. The soreness can spread a little forward into the arch.",
          "The classic sign is that the first steps in the morning hurt the most. The same often happens when you get up after sitting for a long time.",
          "Once you have walked a bit, it usually gets better, but after a long walk or a run the pain can come back. For some people it builds up over weeks, for others it starts quite suddenly.",
        ],
      },
      {
        id: "why",
        heading: "Why does it happen?",
        paragraphs: [
          "There is usually no single cause. It happens when, over a period, the foot has had more to carry overall than the tissue could keep up with.",
          "Typical reasons are a quick increase in running or walking, many hours standing on hard floors, or flat, worn-out or high-heeled shoes.",
          "Tight calves, the shape of your foot (for example flat feet or high arches), a higher body weight and being over 40 can also raise the risk.",
        ],
      },
      {
        id: "course",
        heading: "How long does it take?",
        paragraphs: [
          "This kind of tissue heals slowly, so it takes patience. For more than half of people the symptoms are gone within a year, and about three in four are free of them after one and a half to two years – also without special treatment.",
          "For some it drags on. This is more common when the things that overloaded the foot carry on unchanged.",
          "The pain can come back later. Keeping up the foot exercises after the pain has gone may lower the risk of that.",
        ],
      },
      {
        id: "what-helps",
        heading: "What you can do yourself",
        paragraphs: [
          "Ease off what irritates the heel, such as running, jumping and long walks on hard ground, but keep moving. Cycling, a cross-trainer and swimming are good alternatives.",
          "Wear shoes with good cushioning, also indoors, and try not to walk barefoot. Soft heel pads or insoles with arch support can spread the pressure; ask your physiotherapist what suits your foot.",
          "Gentle stretches of the sole and the calf can ease stiffness. If the pain flares up, cold can calm it: wrap an ice pack in a cloth and rest your heel on it for 10–15 minutes, ideally in the evening. Do not use ice if you have reduced feeling in your foot or poor circulation (for example with narrowed arteries). If you have diabetes, use ice only if your physiotherapist has checked that you feel cold and touch normally under the foot, and look at the skin afterwards.",
          "Tape that supports the arch can ease the pain for a few weeks. If your first steps in the morning still hurt a lot, a night splint that keeps the foot gently bent up overnight can help. If body weight is part of the load, losing weight over time can take pressure off the heel – talk to your physiotherapist or doctor about it.",
          "Shoes matter: running and walking shoes lose their cushioning after 600–800 km, so change them before they are worn out.",
          "If you want to get back to running, a good sign is being able to walk for 30–45 minutes without more pain the next morning. You can then start with short spells of running and walking, and increase only one thing at a time.",
        ],
      },
      {
        id: "exercise-and-pain",
        heading: "The exercise and the pain rule",
        paragraphs: [
          "The main exercise in the program is the heavy, slow heel raise. You stand with the front of your foot on the edge of a step, a rolled-up towel under your toes and your heel free. Rise slowly onto your toes and lower your heel below the step, usually about three seconds each way.",
          "You usually train 3–4 times a week; your plan shows exactly how often. Along the way, more weight is added, for example with a backpack, so the exercise stays heavy.",
          "In a Danish trial from 2015, heavy heel raises were compared with stretching. After three months, the heel-raise group scored better on a questionnaire about foot pain and function (the Foot Function Index). At 1, 6 and 12 months there was no difference between the groups. Both groups also had a heel insert.",
        ],
        painRule: true,
      },
      {
        id: "other-treatments",
        heading: "Other treatments",
        paragraphs: [
          "Massage or ultrasound without active training does little for the tissue itself.",
          "Painkillers can make it easier to keep active, but they do not heal the plantar fascia. Paracetamol is the first choice for most people. Anti-inflammatory painkillers (NSAIDs, such as ibuprofen) ease the pain a little; take them only short-term and agree it with a doctor, especially if you have a stomach ulcer, kidney or heart disease, or take blood thinners.",
          "If you still have pain after a few months of focused training, shockwave therapy may be the next step. The American clinical guideline for physiotherapists from 2023 recommends it for persisting heel pain, and in Denmark physiotherapists usually give it. The guideline also recommends low-level laser. PRP (an injection made from your own blood platelets) has weaker evidence and is often expensive.",
          "A steroid injection can take the pain away for a while, sometimes for months. But the pain may return and the band of tissue can be weakened, so it is not repeated many times. If you have diabetes, your blood sugar can rise for a few days afterwards; agree extra checks with your doctor.",
          "Surgery, in which the band is partly cut, is only considered if the pain is still there after more than a year of thorough non-surgical treatment. Very few people need it.",
        ],
      },
      {
        id: "after-treatment",
        heading: "When the course ends – and if the pain comes back",
        paragraphs: [
          "When you and your physiotherapist end the course, you get a plan to keep the foot strong: usually heel raises and foot exercises a couple of times a week, at the load you have reached.",
          "If the pain comes back, ease off what loads the foot most and go back to an easier level of the exercises for a week or two. If it does not get better within a couple of weeks, contact the clinic.",
        ],
      },
    ],
    contactClinic: {
      heading: "See your own doctor the same day if",
      outOfHours:
        "Outside your doctor's opening hours, call the out-of-hours medical service (lægevagten); in the Capital Region, Akuttelefonen 1813.",
      signs: [
        "you have a fever, shivers or feel unwell",
        "you cannot put any weight on the foot",
        "you have constant pain that does not ease when you rest or change position, or pain that wakes you at night",
        "you feel a sudden pop under the foot, perhaps followed by bruising",
        "the foot is red, warm and swollen",
        "the heel swells and the pain grows the more you walk",
        "the pain suddenly gets much worse",
      ],
      emergency:
        "If you suddenly lose strength in your foot or leg, or find it hard to hold your water or your bowels, call the out-of-hours service at once (in the Capital Region, Akuttelefonen 1813). For paralysis that comes on suddenly, call 112.",
      nonUrgent:
        "If you have tingling, burning or a numb feeling in your foot that does not go away, tell your physiotherapist. It is not urgent.",
      advice:
        "Pause the exercises until you have seen the doctor, and let your physiotherapist know too. Contact the clinic if you notice no progress after 6–8 weeks, or if the pain is at the back of the heel or only in the heel pad.",
    },
  },
};
