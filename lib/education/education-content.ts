// Plain-language education for the patient portal (SPEC §7), written in our own words from the
// facts of the clinical source article. Prose only; the page decides the layout.
import type { Locale } from "../generated/prisma/enums";
import { da } from "../i18n/da";
import { en } from "../i18n/en";

export type EducationSection = { id: string; heading: string; paragraphs: string[] };
export type Education = { title: string; intro: string; sections: EducationSection[]; contactClinic: { heading: string; signs: string[]; advice: string } };

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
          "Under fodsålen sidder en stærk seneplade, der går fra hælbenet frem til tæerne. Den hedder plantar fascia og tager en del af belastningen, hver gang du sætter foden i jorden.",
          "Smerterne kommer typisk fra det sted, hvor senepladen sidder fast på hælbenet. Har vævet i en periode skullet klare mere, end det var gearet til, bliver det ømt og stift.",
          "Fagfolk kalder det plantar fasciitis eller, når det har varet længe, plantar fasciopati. I daglig tale hedder det ofte bare hælspore.",
        ],
      },
      {
        id: "the-spur",
        heading: "Og hvad så med hælsporen?",
        paragraphs: [
          "En hælspore er en lille udvækst af knogle under hælbenet, som kan ses på et røntgenbillede. Den findes tit hos folk, der slet ikke har ondt, og mange med hælsmerter har ingen spore.",
          "Sporen er derfor sjældent forklaringen på smerterne. Behandlingen er ikke rettet mod knoglen, men mod at give senepladen ro og gøre den stærkere.",
          "Din fysioterapeut kan som regel stille diagnosen ved at undersøge foden, fx ved at trykke på hælen og bøje storetåen bagover. Røntgen og scanning er sjældent nødvendigt og bruges mest, hvis der er mistanke om noget andet.",
        ],
      },
      {
        id: "symptoms",
        heading: "Sådan plejer det at føles",
        paragraphs: [
          "Det gør typisk ondt på undersiden af hælen, lidt foran den bløde hælpude og ind mod fodens inderside. Ømheden kan brede sig lidt frem i svangen.",
          "Det klassiske tegn er, at de første skridt om morgenen gør mest ondt. Det samme sker tit, når du rejser dig efter at have siddet længe.",
          "Når du har gået lidt, bliver det som regel bedre, men efter en lang tur eller et løb kan smerten melde sig igen. Hos nogle kommer generne snigende over uger, hos andre ret pludseligt.",
        ],
      },
      {
        id: "why",
        heading: "Hvorfor får man det?",
        paragraphs: [
          "Som regel er der ikke én enkelt årsag. Det sker, når foden i en periode samlet set har fået mere at bære, end vævet kunne følge med til.",
          "Typiske grunde er, at man har øget sit løb eller sin gang hurtigt, står mange timer på hårde gulve, eller går i flade, slidte eller højhælede sko.",
          "Stramme lægge, fodens form (fx platfod eller hulfod), en højere vægt og en alder over 40 kan også øge risikoen.",
        ],
      },
      {
        id: "course",
        heading: "Hvor lang tid tager det?",
        paragraphs: [
          "Senevæv heler langsomt, så det kræver tålmodighed. De fleste slipper af med generne inden for 6–12 måneder, også uden avanceret behandling.",
          "For omkring hver fjerde trækker det ud, så der stadig er gener efter 18–24 måneder. Det ses oftere, når de ting, der overbelastede foden, fortsætter uændret.",
          "Smerterne kan vende tilbage senere. Bliver du ved med øvelserne, også når du har det godt, mindsker du risikoen for det.",
        ],
      },
      {
        id: "what-helps",
        heading: "Det kan du selv gøre",
        paragraphs: [
          "Hold igen med det, der irriterer hælen, fx løb, hop og lange gåture på hårdt underlag, men bliv ved med at bevæge dig. Cykling, crosstrainer og svømning er gode alternativer.",
          "Brug sko med god støddæmpning, også indendørs, og gå helst ikke på bare fødder. Bløde hælindlæg eller indlæg med svangstøtte kan fordele trykket; spørg din fysioterapeut, hvad der passer til din fod.",
          "Rolige stræk af fodsålen og læggen kan løsne op. En ispose under hælen i 10–15 minutter om aftenen kan dæmpe smerten, når den blusser op.",
          "Vil du tilbage til løb, er det et godt tegn, når du kan gå 30–45 minutter uden at have mere ondt næste morgen. Så kan du starte med korte skift mellem løb og gang og kun skrue op for én ting ad gangen.",
        ],
      },
      {
        id: "exercise-and-pain",
        heading: "Øvelsen og smertereglen",
        paragraphs: [
          "Den vigtigste øvelse i programmet er tunge, langsomme hælløft. Du står på forfoden på et trappetrin med et sammenrullet håndklæde under tæerne og løfter og sænker hælen i roligt tempo, cirka tre sekunder hver vej.",
          "Du træner typisk 3–4 gange om ugen; din plan viser, præcis hvor tit. Undervejs lægges der mere vægt på, fx med en rygsæk, så øvelsen bliver ved med at være tung.",
          "I et dansk forsøg havde de, der lavede hælløft, mindre ondt og kunne mere efter tre måneder end dem, der kun strakte ud.",
          `Det må gerne gøre lidt ondt under og efter træningen, så længe det højst er 3 på en skala fra 0 til 10 og har lagt sig igen næste morgen. ${da.prescription.worseMorning}`,
        ],
      },
      {
        id: "other-treatments",
        heading: "Andre behandlinger",
        paragraphs: [
          "Massage eller ultralyd uden aktiv træning gør ikke meget for selve senevævet, og det samme gælder gigtpiller (NSAID) som hovedløsning. Tager du gigtpiller, så kun i kort tid og efter aftale med en læge.",
          "Har du ikke fået det bedre efter 3–6 måneders målrettet træning, kan trykbølgebehandling (shockwave), laser eller PRP komme på tale. Resultaterne fra forskningen er blandede, og behandlingerne er ofte dyre.",
          "En indsprøjtning med binyrebarkhormon kan tage smerten i en periode, nogle gange i måneder. Men smerten kan komme igen, og senepladen kan blive svagere, så man undgår at gentage den mange gange.",
          "En operation, hvor senepladen delvist skæres over, overvejes kun, hvis man stadig har ondt efter mere end et års grundig behandling uden operation. Det gælder meget få.",
        ],
      },
    ],
    contactClinic: {
      heading: "Kontakt klinikken hurtigt, hvis",
      signs: [
        "du ikke kan støtte normalt på foden",
        "smerterne tager hurtigt til eller forhindrer dig i dine daglige gøremål",
        "foden er tydeligt hævet",
        "du får prikken, brænden eller nedsat følelse i foden",
        "du har feber eller føler dig syg",
        "foden er rød og hævet over et større område",
      ],
      advice:
        "Hold pause med øvelserne, indtil du har talt med klinikken. Din fysioterapeut kan så undersøge foden igen og vurdere, om du skal til læge. Kontakt også klinikken, hvis du ikke mærker fremgang efter 6–8 uger, eller hvis smerten sidder bag på hælen eller kun i hælpuden.",
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
          "This kind of tissue heals slowly, so it takes patience. Most people are rid of their symptoms within 6–12 months, even without advanced treatment.",
          "For about one in four it drags on, with some symptoms still there after 18–24 months. This is more common when the things that overloaded the foot carry on unchanged.",
          "The pain can come back later. Keeping up the exercises, even when you feel fine, lowers the risk of that.",
        ],
      },
      {
        id: "what-helps",
        heading: "What you can do yourself",
        paragraphs: [
          "Ease off what irritates the heel, such as running, jumping and long walks on hard ground, but keep moving. Cycling, a cross-trainer and swimming are good alternatives.",
          "Wear shoes with good cushioning, also indoors, and try not to walk barefoot. Soft heel pads or insoles with arch support can spread the pressure; ask your physiotherapist what suits your foot.",
          "Gentle stretches of the sole and the calf can ease stiffness. An ice pack under the heel for 10–15 minutes in the evening can calm the pain when it flares up.",
          "If you want to get back to running, a good sign is being able to walk for 30–45 minutes without more pain the next morning. You can then start with short spells of running and walking, and increase only one thing at a time.",
        ],
      },
      {
        id: "exercise-and-pain",
        heading: "The exercise and the pain rule",
        paragraphs: [
          "The main exercise in the program is the heavy, slow heel raise. You stand on the front of your foot on a step with a rolled-up towel under your toes, and raise and lower your heel slowly, about three seconds each way.",
          "You usually train 3–4 times a week; your plan shows exactly how often. Along the way, more weight is added, for example with a backpack, so the exercise stays heavy.",
          "In a Danish trial, people doing the heel raises had less pain and could do more after three months than people who only stretched.",
          `Some pain during and after training is fine, as long as it is 3 or less on a scale from 0 to 10 and has settled by the next morning. ${en.prescription.worseMorning}`,
        ],
      },
      {
        id: "other-treatments",
        heading: "Other treatments",
        paragraphs: [
          "Massage or ultrasound without active training does little for the tissue itself, and the same goes for anti-inflammatory painkillers (NSAIDs) as the main plan. If you take NSAIDs, keep it short-term and agree it with a doctor.",
          "If you have not improved after 3–6 months of focused training, shockwave therapy, laser or PRP may be considered. Research results are mixed, and these treatments are often expensive.",
          "A steroid injection can take the pain away for a while, sometimes for months. But the pain may return and the band of tissue can be weakened, so it is not repeated many times.",
          "Surgery, in which the band is partly cut, is only considered if the pain is still there after more than a year of thorough non-surgical treatment. Very few people need it.",
        ],
      },
    ],
    contactClinic: {
      heading: "Contact the clinic promptly if",
      signs: [
        "you cannot put normal weight on the foot",
        "the pain is increasing quickly or stops you doing everyday things",
        "the foot is clearly swollen",
        "you get tingling, burning or reduced feeling in the foot",
        "you have a fever or feel unwell",
        "the foot is red and swollen over a larger area",
      ],
      advice:
        "Pause the exercises until you have spoken to the clinic. Your physiotherapist can then examine your foot again and judge whether you need to see a doctor. Also get in touch if you notice no progress after 6–8 weeks, or if the pain is at the back of the heel or only in the heel pad.",
    },
  },
};
