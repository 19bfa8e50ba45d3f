#include "services/demo_data.h"

namespace cartera::services::demo {

namespace {

using namespace std::string_view_literals;

// France
constexpr City kIdf[] = {{"Paris", "75"}, {"Versailles", "78"}, {"Saint-Denis", "93"}, {"Boulogne-Billancourt", "92"}};
constexpr City kAra[] = {{"Lyon", "69"}, {"Grenoble", "38"}, {"Saint-Étienne", "42"}, {"Annecy", "74"}};
constexpr City kPaca[] = {{"Marseille", "13"}, {"Nice", "06"}, {"Toulon", "83"}};
constexpr City kOcc[] = {{"Toulouse", "31"}, {"Montpellier", "34"}, {"Nîmes", "30"}};
constexpr City kHdf[] = {{"Lille", "59"}, {"Amiens", "80"}, {"Roubaix", "59"}};
constexpr City kNaq[] = {{"Bordeaux", "33"}, {"Limoges", "87"}, {"Poitiers", "86"}};
constexpr City kBre[] = {{"Rennes", "35"}, {"Brest", "29"}, {"Nantes", "44"}};
constexpr Region kFrance[] = {{"Île-de-France", kIdf}, {"Auvergne-Rhône-Alpes", kAra},
                              {"Provence-Alpes-Côte d'Azur", kPaca}, {"Occitanie", kOcc},
                              {"Hauts-de-France", kHdf}, {"Nouvelle-Aquitaine", kNaq}, {"Bretagne", kBre}};
constexpr std::string_view kFrSurnames[] = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
    "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
    "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet",
    "François", "Martinez"};
constexpr std::string_view kFrFirst[] = {"Camille", "Léa", "Manon", "Chloé", "Inès", "Julie", "Sophie", "Claire",
    "Nicolas", "Julien", "Thomas", "Antoine", "Pierre", "Hugo", "Lucas", "Mathieu", "Céline", "Émilie"};
constexpr std::string_view kFrForms[] = {"SARL", "SAS", "SA", "SAS", "EURL"};

// Germany
constexpr City kBay[] = {{"München", "80"}, {"Nürnberg", "90"}, {"Augsburg", "86"}, {"Regensburg", "93"}};
constexpr City kNrw[] = {{"Köln", "50"}, {"Düsseldorf", "40"}, {"Dortmund", "44"}, {"Essen", "45"}};
constexpr City kBw[] = {{"Stuttgart", "70"}, {"Karlsruhe", "76"}, {"Mannheim", "68"}, {"Freiburg", "79"}};
constexpr City kHh[] = {{"Hamburg", "20"}};
constexpr City kBe[] = {{"Berlin", "10"}};
constexpr City kHe[] = {{"Frankfurt am Main", "60"}, {"Wiesbaden", "65"}, {"Kassel", "34"}};
constexpr City kNi[] = {{"Hannover", "30"}, {"Braunschweig", "38"}, {"Osnabrück", "49"}};
constexpr Region kGermany[] = {{"Bayern", kBay}, {"Nordrhein-Westfalen", kNrw}, {"Baden-Württemberg", kBw},
                               {"Hamburg", kHh}, {"Berlin", kBe}, {"Hessen", kHe}, {"Niedersachsen", kNi}};
constexpr std::string_view kDeSurnames[] = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
    "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
    "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange"};
constexpr std::string_view kDeFirst[] = {"Anna", "Lena", "Katharina", "Julia", "Laura", "Sabine", "Petra", "Lukas",
    "Jonas", "Felix", "Maximilian", "Stefan", "Michael", "Andreas", "Tobias", "Markus", "Jan", "Claudia"};
constexpr std::string_view kDeForms[] = {"GmbH", "GmbH", "AG", "KG", "GmbH & Co. KG"};

// Spain
constexpr City kMad[] = {{"Madrid", "28"}, {"Alcalá de Henares", "28"}, {"Getafe", "28"}};
constexpr City kCat[] = {{"Barcelona", "08"}, {"Girona", "17"}, {"Tarragona", "43"}, {"Lleida", "25"}};
constexpr City kAnd[] = {{"Sevilla", "41"}, {"Málaga", "29"}, {"Granada", "18"}, {"Córdoba", "14"}};
constexpr City kVal[] = {{"Valencia", "46"}, {"Alicante", "03"}, {"Castellón de la Plana", "12"}};
constexpr City kPv[] = {{"Bilbao", "48"}, {"San Sebastián", "20"}, {"Vitoria-Gasteiz", "01"}};
constexpr Region kSpain[] = {{"Comunidad de Madrid", kMad}, {"Cataluña", kCat}, {"Andalucía", kAnd},
                             {"Comunitat Valenciana", kVal}, {"País Vasco", kPv}};
constexpr std::string_view kEsSurnames[] = {"García", "Rodríguez", "González", "Fernández", "López", "Martínez",
    "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Álvarez", "Romero",
    "Navarro", "Torres", "Domínguez"};
constexpr std::string_view kEsFirst[] = {"Lucía", "María", "Paula", "Carmen", "Ana", "Marta", "Elena", "Javier",
    "Alejandro", "Pablo", "David", "Daniel", "Sergio", "Carlos", "Jorge", "Raúl"};
constexpr std::string_view kEsForms[] = {"S.L.", "S.L.", "S.A.", "S.L.U."};

// Italy
constexpr City kLom[] = {{"Milano", "20"}, {"Bergamo", "24"}, {"Brescia", "25"}, {"Monza", "20"}};
constexpr City kLaz[] = {{"Roma", "00"}, {"Latina", "04"}};
constexpr City kPie[] = {{"Torino", "10"}, {"Novara", "28"}};
constexpr City kEmr[] = {{"Bologna", "40"}, {"Modena", "41"}, {"Parma", "43"}};
constexpr City kVen[] = {{"Venezia", "30"}, {"Verona", "37"}, {"Padova", "35"}};
constexpr Region kItaly[] = {{"Lombardia", kLom}, {"Lazio", kLaz}, {"Piemonte", kPie}, {"Emilia-Romagna", kEmr},
                             {"Veneto", kVen}};
constexpr std::string_view kItSurnames[] = {"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano",
    "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano",
    "Rizzo", "Lombardi", "Moretti"};
constexpr std::string_view kItFirst[] = {"Giulia", "Francesca", "Chiara", "Sara", "Martina", "Valentina", "Marco",
    "Alessandro", "Luca", "Giuseppe", "Andrea", "Matteo", "Davide", "Paolo"};
constexpr std::string_view kItForms[] = {"S.r.l.", "S.r.l.", "S.p.A.", "S.n.c."};

// Netherlands
constexpr City kNh[] = {{"Amsterdam", "10"}, {"Haarlem", "20"}, {"Zaandam", "15"}};
constexpr City kZh[] = {{"Rotterdam", "30"}, {"Den Haag", "25"}, {"Leiden", "23"}};
constexpr City kUt[] = {{"Utrecht", "35"}, {"Amersfoort", "38"}};
constexpr City kNb[] = {{"Eindhoven", "56"}, {"Tilburg", "50"}, {"Breda", "48"}};
constexpr Region kNetherlands[] = {{"Noord-Holland", kNh}, {"Zuid-Holland", kZh}, {"Utrecht", kUt},
                                   {"Noord-Brabant", kNb}};
constexpr std::string_view kNlSurnames[] = {"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker",
    "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos"};
constexpr std::string_view kNlFirst[] = {"Emma", "Sanne", "Lotte", "Anouk", "Daan", "Sem", "Bram", "Ruben", "Thijs",
    "Femke", "Joost", "Pieter"};
constexpr std::string_view kNlForms[] = {"B.V.", "B.V.", "N.V."};

// Belgium
constexpr City kBru[] = {{"Bruxelles", "10"}, {"Ixelles", "10"}, {"Anderlecht", "10"}};
constexpr City kVla[] = {{"Antwerpen", "20"}, {"Gent", "90"}, {"Brugge", "80"}, {"Leuven", "30"}};
constexpr City kWal[] = {{"Liège", "40"}, {"Namur", "50"}, {"Charleroi", "60"}};
constexpr Region kBelgium[] = {{"Bruxelles-Capitale", kBru}, {"Vlaanderen", kVla}, {"Wallonie", kWal}};
constexpr std::string_view kBeSurnames[] = {"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems",
    "Claes", "Goossens", "Wouters", "Dubois", "Lambert", "Dupont", "Leclercq", "Renard"};
constexpr std::string_view kBeFirst[] = {"Louise", "Marie", "Elise", "Noor", "Lars", "Arthur", "Louis", "Wout",
    "Thibault", "Nathalie", "Koen", "Sofie"};
constexpr std::string_view kBeForms[] = {"SRL", "BV", "NV", "SA"};

// Portugal
constexpr City kLis[] = {{"Lisboa", "1"}, {"Sintra", "2"}, {"Setúbal", "2"}};
constexpr City kNor[] = {{"Porto", "4"}, {"Braga", "4"}, {"Guimarães", "4"}};
constexpr City kCen[] = {{"Coimbra", "3"}, {"Aveiro", "3"}};
constexpr Region kPortugal[] = {{"Lisboa", kLis}, {"Norte", kNor}, {"Centro", kCen}};
constexpr std::string_view kPtSurnames[] = {"Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa",
    "Rodrigues", "Martins", "Sousa", "Fernandes", "Gonçalves", "Gomes"};
constexpr std::string_view kPtFirst[] = {"Beatriz", "Mariana", "Inês", "Ana", "João", "Tiago", "Rui", "Miguel",
    "Pedro", "Catarina", "Filipa", "Nuno"};
constexpr std::string_view kPtForms[] = {"Lda.", "Lda.", "S.A."};

constexpr Country kCountries[] = {
    {"FR", 0.30, "+33", "fr", 5, kFrance, kFrSurnames, kFrFirst, kFrForms},
    {"DE", 0.24, "+49", "de", 5, kGermany, kDeSurnames, kDeFirst, kDeForms},
    {"ES", 0.15, "+34", "es", 5, kSpain, kEsSurnames, kEsFirst, kEsForms},
    {"IT", 0.13, "+39", "it", 5, kItaly, kItSurnames, kItFirst, kItForms},
    {"NL", 0.07, "+31", "nl", 4, kNetherlands, kNlSurnames, kNlFirst, kNlForms},
    {"BE", 0.07, "+32", "be", 4, kBelgium, kBeSurnames, kBeFirst, kBeForms},
    {"PT", 0.04, "+351", "pt", 7, kPortugal, kPtSurnames, kPtFirst, kPtForms},
};

constexpr std::string_view kIndustries[] = {"Manufacturing", "Retail", "Wholesale trade", "Hospitality",
    "Construction", "Healthcare", "Logistics", "Food and beverage", "Automotive", "Information technology",
    "Energy", "Agriculture", "Professional services", "Education"};

constexpr std::string_view kBusinessWords[] = {"Industries", "Logistique", "Technik", "Solutions", "Distribution",
    "Systems", "Services", "Group", "Trading", "Partners", "Engineering", "Foods", "Consulting", "Supply",
    "Equipment", "Design", "Retail", "Holding", "Works", "Digital"};

constexpr std::string_view kJobTitles[] = {"Purchasing Manager", "Owner", "Managing Director", "Office Manager",
    "Buyer", "Head of Operations", "Finance Director", "Facilities Manager", "IT Manager", "Assistant"};

constexpr Category kCategories[] = {
    {"Office supplies", 0.38, {"Copy paper A4 (box)", "Ballpoint pens (50)", "Lever arch files (10)",
                               "Sticky notes (24 pads)", "Toner cartridge black", "Desk organiser",
                               "Whiteboard markers (12)", "Envelopes C4 (250)"}, 499, 8900},
    {"Furniture", 0.32, {"Ergonomic office chair", "Height-adjustable desk", "Filing cabinet",
                         "Meeting table", "Bookcase", "Reception counter", "Acoustic panel", "Locker unit"},
     9900, 149000},
    {"IT hardware", 0.16, {"Laptop 14\"", "Monitor 27\"", "Docking station", "Wireless keyboard set",
                           "Network switch 24p", "Laser printer", "Headset", "Tablet 11\""}, 2900, 189000},
    {"Software licences", 0.72, {"Office suite (annual)", "Antivirus (annual)", "Accounting software",
                                 "Backup service (annual)", "CRM seat (annual)", "Design suite (annual)",
                                 "Video meetings (annual)", "Password manager (annual)"}, 4900, 99000},
    {"Packaging", 0.26, {"Cardboard boxes (50)", "Stretch film roll", "Bubble wrap roll", "Pallet labels (1000)",
                         "Packing tape (36)", "Void fill paper", "Mailer bags (500)", "Strapping kit"}, 1200, 24000},
    {"Cleaning and hygiene", 0.42, {"Hand soap (5 l)", "Paper towels (24)", "Disinfectant (5 l)",
                                    "Microfibre cloths (50)", "Floor cleaner (10 l)", "Bin liners (500)",
                                    "Dispenser", "Cleaning trolley"}, 690, 32000},
    {"Safety equipment", 0.36, {"Safety shoes", "Hi-vis vests (10)", "First aid kit", "Fire extinguisher 6 kg",
                                "Safety gloves (100)", "Hard hats (10)", "Ear defenders", "Eye wash station"},
     990, 45000},
    {"Services", 0.55, {"Installation (per day)", "Maintenance contract", "Training session",
                        "On-site support (per day)", "Delivery and assembly", "Extended warranty",
                        "Workplace audit", "Recycling collection"}, 9000, 120000},
};

} // namespace

std::span<const Country> countries() { return kCountries; }
std::span<const std::string_view> industries() { return kIndustries; }
std::span<const std::string_view> businessWords() { return kBusinessWords; }
std::span<const std::string_view> jobTitles() { return kJobTitles; }
std::span<const Category> categories() { return kCategories; }

} // namespace cartera::services::demo
