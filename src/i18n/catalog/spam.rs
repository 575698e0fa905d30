//! Messages of the `spam/*` rules. The fr/es/pl wording follows the hosting
//! guides' own list of "usages to avoid" where it can.

crate::catalog! {
    // ── spam/subject-caps ───────────────────────────────────────────────
    "spam/subject-caps.summary" => {
        en: "The subject has 3 or more words in capitals.",
        fr: "Le sujet contient 3 mots ou plus en majuscules.",
        es: "El asunto contiene 3 palabras o más en mayúsculas.",
        pl: "Temat zawiera 3 lub więcej słów pisanych wielkimi literami.",
    },
    "spam/subject-caps.why" => {
        en: "The hosting guides list \"3 or more words in capitals in the subject\" among the things that make an e-mail look like spam. A subject that shouts is a classic spam signal, and repeated spam blocks the sending of your whole hosting.",
        fr: "Les guides de l'hébergeur citent « 3 mots ou plus en majuscules dans le sujet/objet de l'e-mail » parmi les usages à éviter pour ne pas être considéré comme du SPAM. Un sujet qui « crie » est un signal de spam classique, et des envois considérés comme spam bloquent les envois de tout l'hébergement.",
        es: "Las guías del alojamiento citan «3 palabras o más en mayúsculas en el asunto» entre los usos que se deben evitar para no ser considerado spam. Un asunto que «grita» es una señal de spam clásica, y los envíos considerados spam bloquean los envíos de todo el alojamiento.",
        pl: "Przewodniki hostingu wymieniają „3 lub więcej słów wielkimi literami w temacie” wśród sposobów, których należy unikać, aby wiadomość nie została uznana za SPAM. Temat, który „krzyczy”, to klasyczny sygnał spamu, a wysyłki uznane za spam blokują wysyłanie z całego hostingu.",
    },
    "spam/subject-caps.shouting" => {
        en: "The subject has {count} words in capitals ({words}); the guides flag {limit} or more.",
        fr: "Le sujet contient {count} mots en majuscules ({words}) ; les guides signalent à partir de {limit}.",
        es: "El asunto contiene {count} palabras en mayúsculas ({words}); las guías lo señalan a partir de {limit}.",
        pl: "Temat zawiera {count} słów wielkimi literami ({words}); przewodniki wskazują {limit} lub więcej.",
    },
    "spam/subject-caps.fix" => {
        en: "Write the subject in sentence case; keep capitals for one acronym or two.",
        fr: "Écrivez le sujet en minuscules avec une majuscule initiale ; gardez les majuscules pour un ou deux sigles.",
        es: "Escriba el asunto en minúsculas con mayúscula inicial; deje las mayúsculas para una o dos siglas.",
        pl: "Napisz temat małymi literami z wielką literą na początku; wielkie litery zostaw dla jednego lub dwóch skrótów.",
    },
    // ── spam/missing-subject ────────────────────────────────────────────
    "spam/missing-subject.summary" => {
        en: "The message has no subject.",
        fr: "Le message n'a pas de sujet.",
        es: "El mensaje no tiene asunto.",
        pl: "Wiadomość nie ma tematu.",
    },
    "spam/missing-subject.why" => {
        en: "The hosting guides list \"no subject/text filled in the e-mail\" among the things that make an e-mail look like spam. Readers also ignore or delete mail without a subject.",
        fr: "Les guides de l'hébergeur citent « pas de sujet/texte renseigné dans l'e-mail » parmi les usages à éviter pour ne pas être considéré comme du SPAM. Les destinataires ignorent aussi les e-mails sans sujet.",
        es: "Las guías del alojamiento citan «no hay asunto/texto que se indique en el mensaje» entre los usos que se deben evitar para no ser considerado spam. Los destinatarios también ignoran los mensajes sin asunto.",
        pl: "Przewodniki hostingu wymieniają „brak tematu/tekstu wpisanego w e-mailu” wśród sposobów, których należy unikać, aby wiadomość nie została uznana za SPAM. Odbiorcy również pomijają wiadomości bez tematu.",
    },
    "spam/missing-subject.absent" => {
        en: "The message has no Subject field.",
        fr: "Le message n'a pas de champ Subject (sujet).",
        es: "El mensaje no tiene campo Subject (asunto).",
        pl: "Wiadomość nie ma pola Subject (temat).",
    },
    "spam/missing-subject.blank" => {
        en: "The Subject field is empty or only white space.",
        fr: "Le champ Subject (sujet) est vide ou ne contient que des espaces.",
        es: "El campo Subject (asunto) está vacío o solo contiene espacios.",
        pl: "Pole Subject (temat) jest puste lub zawiera same spacje.",
    },
    "spam/missing-subject.fix" => {
        en: "Give every message a short subject that says what it is about, e.g. \"Your quote request of 12 March\".",
        fr: "Donnez à chaque message un sujet court qui dit de quoi il s'agit, par exemple « Votre demande de devis du 12 mars ».",
        es: "Dé a cada mensaje un asunto breve que diga de qué trata, por ejemplo «Su solicitud de presupuesto del 12 de marzo».",
        pl: "Nadaj każdej wiadomości krótki temat mówiący, czego dotyczy, np. „Twoje zapytanie ofertowe z 12 marca”.",
    },
    // ── spam/empty-body ─────────────────────────────────────────────────
    "spam/empty-body.summary" => {
        en: "The message has no text a reader can see.",
        fr: "Le message ne contient aucun texte visible pour le lecteur.",
        es: "El mensaje no contiene ningún texto visible para el lector.",
        pl: "Wiadomość nie zawiera tekstu widocznego dla czytelnika.",
    },
    "spam/empty-body.why" => {
        en: "The hosting guides list \"no subject/text filled in the e-mail\" among the things that make an e-mail look like spam. For HTML, what counts is the text shown once the HTML is rendered: markup, comments and hidden text do not count.",
        fr: "Les guides de l'hébergeur citent « pas de sujet/texte renseigné dans l'e-mail » parmi les usages à éviter. Pour le HTML, seul compte le texte affiché une fois le HTML rendu : balises, commentaires et texte masqué ne comptent pas.",
        es: "Las guías del alojamiento citan «no hay asunto/texto que se indique en el mensaje» entre los usos que se deben evitar. En HTML solo cuenta el texto que se muestra una vez representado: etiquetas, comentarios y texto oculto no cuentan.",
        pl: "Przewodniki hostingu wymieniają „brak tematu/tekstu wpisanego w e-mailu” wśród sposobów, których należy unikać. W HTML liczy się tylko tekst wyświetlony po wyrenderowaniu: znaczniki, komentarze i ukryty tekst się nie liczą.",
    },
    "spam/empty-body.no-text" => {
        en: "The message body is empty or only white space.",
        fr: "Le corps du message est vide ou ne contient que des blancs.",
        es: "El cuerpo del mensaje está vacío o solo contiene espacios en blanco.",
        pl: "Treść wiadomości jest pusta lub zawiera same białe znaki.",
    },
    "spam/empty-body.no-visible-text" => {
        en: "Once the HTML is rendered, the message shows no text at all.",
        fr: "Une fois le HTML rendu, le message n'affiche aucun texte.",
        es: "Una vez representado el HTML, el mensaje no muestra ningún texto.",
        pl: "Po wyrenderowaniu HTML wiadomość nie wyświetla żadnego tekstu.",
    },
    "spam/empty-body.fix" => {
        en: "Check that the script fills the message text (a template variable may be empty) and write a few sentences that say why you are writing.",
        fr: "Vérifiez que le script remplit bien le texte du message (une variable du modèle est peut-être vide) et écrivez quelques phrases qui expliquent l'objet de l'e-mail.",
        es: "Compruebe que el script rellena el texto del mensaje (una variable de la plantilla puede estar vacía) y escriba algunas frases que expliquen el motivo del correo.",
        pl: "Sprawdź, czy skrypt wypełnia treść wiadomości (zmienna szablonu może być pusta), i napisz kilka zdań wyjaśniających, o co chodzi.",
    },
    // ── spam/image-only ─────────────────────────────────────────────────
    "spam/image-only.summary" => {
        en: "The message is an image over 1 MB with only a few words.",
        fr: "Le message se résume à une image de plus de 1 Mo et quelques mots.",
        es: "El mensaje se reduce a una imagen de más de 1 MB y unas pocas palabras.",
        pl: "Wiadomość to obraz większy niż 1 MB i kilka słów.",
    },
    "spam/image-only.why" => {
        en: "The hosting guides list \"the e-mail contains just an image over 1 MB and a few words\" among the things that make an e-mail look like spam: spammers put their text in images so filters cannot read it.",
        fr: "Les guides de l'hébergeur citent « l'e-mail contient juste une image de taille supérieure à 1 Mo et quelques mots » parmi les usages à éviter : les spammeurs mettent leur texte dans des images pour que les filtres ne puissent pas le lire.",
        es: "Las guías del alojamiento citan «el mensaje solo contiene una imagen de más de 1 MB y unas pocas palabras» entre los usos que se deben evitar: los spammers ponen su texto en imágenes para que los filtros no puedan leerlo.",
        pl: "Przewodniki hostingu wymieniają „e-mail zawiera tylko obraz wielkości powyżej 1 MB i kilka słów” wśród sposobów, których należy unikać: spamerzy umieszczają tekst w obrazach, aby filtry nie mogły go odczytać.",
    },
    "spam/image-only.large-image" => {
        en: "The image {image} is {size} (over {limit}) and the message shows only {words} words (fewer than {maxWords}).",
        fr: "L'image {image} fait {size} (plus de {limit}) et le message n'affiche que {words} mots (moins de {maxWords}).",
        es: "La imagen {image} ocupa {size} (más de {limit}) y el mensaje solo muestra {words} palabras (menos de {maxWords}).",
        pl: "Obraz {image} ma {size} (ponad {limit}), a wiadomość wyświetla tylko {words} słów (mniej niż {maxWords}).",
    },
    "spam/image-only.fix" => {
        en: "Write the message as text and keep images as illustrations: compress the image under 1 MB, or link to it on your site.",
        fr: "Rédigez le message en texte et gardez les images comme illustrations : compressez l'image sous 1 Mo ou mettez un lien vers elle sur votre site.",
        es: "Escriba el mensaje como texto y use las imágenes como ilustración: comprima la imagen por debajo de 1 MB o enlácela desde su sitio.",
        pl: "Napisz wiadomość tekstem, a obrazy traktuj jako ilustracje: skompresuj obraz poniżej 1 MB albo podlinkuj go ze swojej strony.",
    },
    // ── spam/subject-prefix ─────────────────────────────────────────────
    "spam/subject-prefix.summary" => {
        en: "The subject starts with a word spammers use (Hi, FREE, BUY, BUYING, …).",
        fr: "Le sujet commence par un mot de spammeur (Hi, FREE, BUY, BUYING…).",
        es: "El asunto empieza por una palabra típica del spam (Hi, FREE, BUY, BUYING…).",
        pl: "Temat zaczyna się od słowa typowego dla spamu (Hi, FREE, BUY, BUYING…).",
    },
    "spam/subject-prefix.why" => {
        en: "The hosting guides list \"the subject of the e-mail starts with: Hi, FREE, BUY, BUYING, …\" among the things that make an e-mail look like spam. mail-preflight also checks the usual equivalents in English, French, Spanish, Polish and German.",
        fr: "Les guides de l'hébergeur citent « le sujet de l'e-mail commence par : Hi, FREE, BUY, BUYING… » parmi les usages à éviter. mail-preflight vérifie aussi les équivalents courants en anglais, français, espagnol, polonais et allemand.",
        es: "Las guías del alojamiento citan «el asunto del mensaje empieza por: Hi, FREE, BUY, BUYING…» entre los usos que se deben evitar. mail-preflight comprueba también los equivalentes habituales en inglés, francés, español, polaco y alemán.",
        pl: "Przewodniki hostingu wymieniają „temat wiadomości rozpoczyna się od: Hi, FREE, BUY, BUYING…” wśród sposobów, których należy unikać. mail-preflight sprawdza też typowe odpowiedniki w języku angielskim, francuskim, hiszpańskim, polskim i niemieckim.",
    },
    "spam/subject-prefix.listed" => {
        en: "The subject starts with \"{prefix}\", a word the spam filters watch for.",
        fr: "Le sujet commence par « {prefix} », un mot surveillé par les filtres anti-spam.",
        es: "El asunto empieza por «{prefix}», una palabra que vigilan los filtros antispam.",
        pl: "Temat zaczyna się od „{prefix}”, słowa, na które zwracają uwagę filtry antyspamowe.",
    },
    "spam/subject-prefix.fix" => {
        en: "Start the subject with what the message is about (\"Your order 1234\", \"New contact request\"), not a greeting or an offer.",
        fr: "Commencez le sujet par l'objet du message (« Votre commande 1234 », « Nouvelle demande de contact »), pas par une salutation ou une offre.",
        es: "Empiece el asunto por el tema del mensaje («Su pedido 1234», «Nueva solicitud de contacto»), no por un saludo o una oferta.",
        pl: "Zacznij temat od tego, czego dotyczy wiadomość („Twoje zamówienie 1234”, „Nowe zapytanie kontaktowe”), a nie od powitania czy oferty.",
    },
    // ── spam/whitespace ─────────────────────────────────────────────────
    "spam/whitespace.summary" => {
        en: "More than 70 % of the message is white space.",
        fr: "Le message contient plus de 70 % de blanc.",
        es: "El mensaje contiene más del 70 % de espacio en blanco.",
        pl: "Ponad 70% wiadomości to białe znaki.",
    },
    "spam/whitespace.why" => {
        en: "The hosting guides list \"the e-mail contains more than 70 % of blank (abuse of the SPACE or ENTER key)\" among the things that make an e-mail look like spam. For HTML, blanks are counted as displayed: each &nbsp; and each <br> counts.",
        fr: "Les guides de l'hébergeur citent « l'e-mail contient plus de 70 % de blanc (abus sur la touche ESPACE ou ENTRÉE du clavier) » parmi les usages à éviter. Pour le HTML, les blancs sont comptés tels qu'affichés : chaque &nbsp; et chaque <br> compte.",
        es: "Las guías del alojamiento citan «el mensaje contiene más del 70 % de espacio en blanco (abuso de la tecla ESPACIO o ENTRADA)» entre los usos que se deben evitar. En HTML los blancos se cuentan tal como se muestran: cada &nbsp; y cada <br> cuentan.",
        pl: "Przewodniki hostingu wymieniają „e-mail zawiera więcej niż 70% białych znaków (nadużywanie klawisza SPACJA lub ENTER)” wśród sposobów, których należy unikać. W HTML białe znaki liczone są tak, jak są wyświetlane: liczy się każde &nbsp; i każde <br>.",
    },
    "spam/whitespace.too-blank" => {
        en: "{percent} % of the text is blank ({blanks} of {total} characters); the guides flag over {limit} %.",
        fr: "{percent} % du texte est blanc ({blanks} caractères sur {total}) ; les guides signalent au-delà de {limit} %.",
        es: "El {percent} % del texto es blanco ({blanks} de {total} caracteres); las guías lo señalan por encima del {limit} %.",
        pl: "{percent}% tekstu to białe znaki ({blanks} z {total} znaków); przewodniki wskazują powyżej {limit}%.",
    },
    "spam/whitespace.fix" => {
        en: "Remove the runs of blank lines, spaces, &nbsp; and <br>; use CSS margins for layout.",
        fr: "Supprimez les suites de lignes vides, d'espaces, de &nbsp; et de <br> ; utilisez les marges CSS pour la mise en page.",
        es: "Elimine las series de líneas vacías, espacios, &nbsp; y <br>; use márgenes CSS para la maquetación.",
        pl: "Usuń ciągi pustych wierszy, spacji, &nbsp; i <br>; do układu używaj marginesów CSS.",
    },
    // ── spam/huge-font ──────────────────────────────────────────────────
    "spam/huge-font.summary" => {
        en: "Text is written in an extremely large font.",
        fr: "Du texte est écrit dans une police extrêmement grande.",
        es: "Hay texto escrito con un tipo de letra extremadamente grande.",
        pl: "Tekst jest napisany bardzo dużą czcionką.",
    },
    "spam/huge-font.why" => {
        en: "The hosting guides list \"the font used to write the e-mail is extremely large\" among the things that make an e-mail look like spam. Sizes are resolved as a browser does: CSS font-size, <font size>, headings and inheritance.",
        fr: "Les guides de l'hébergeur citent « la police d'écriture utilisée pour la rédaction de l'e-mail est extrêmement grande » parmi les usages à éviter. Les tailles sont calculées comme le fait un navigateur : font-size CSS, <font size>, titres et héritage.",
        es: "Las guías del alojamiento citan «el tipo de letra utilizado para escribir el correo es extremadamente grande» entre los usos que se deben evitar. Los tamaños se calculan como lo hace un navegador: font-size de CSS, <font size>, títulos y herencia.",
        pl: "Przewodniki hostingu wymieniają „czcionka używana do pisania e-maila jest bardzo duża” wśród sposobów, których należy unikać. Rozmiary są obliczane tak jak w przeglądarce: CSS font-size, <font size>, nagłówki i dziedziczenie.",
    },
    "spam/huge-font.too-large" => {
        en: "Text in <{element}> is shown at {size} px (over {limit} px), set by {source}.",
        fr: "Le texte de <{element}> s'affiche en {size} px (plus de {limit} px), fixé par {source}.",
        es: "El texto de <{element}> se muestra a {size} px (más de {limit} px), fijado por {source}.",
        pl: "Tekst w <{element}> jest wyświetlany w rozmiarze {size} px (ponad {limit} px), ustawionym przez {source}.",
    },
    "spam/huge-font.fix" => {
        en: "Use ordinary sizes (14–16 px for text, up to about 32 px for a title).",
        fr: "Utilisez des tailles ordinaires (14 à 16 px pour le texte, jusqu'à environ 32 px pour un titre).",
        es: "Use tamaños normales (de 14 a 16 px para el texto, hasta unos 32 px para un título).",
        pl: "Używaj zwykłych rozmiarów (14–16 px dla tekstu, do około 32 px dla tytułu).",
    },
    // ── spam/invisible-text ─────────────────────────────────────────────
    "spam/invisible-text.summary" => {
        en: "Text has the same colour as its background, or is hidden.",
        fr: "Du texte a la même couleur que son fond, ou est masqué.",
        es: "Hay texto del mismo color que su fondo, u oculto.",
        pl: "Tekst ma ten sam kolor co tło lub jest ukryty.",
    },
    "spam/invisible-text.why" => {
        en: "The hosting guides list \"the text colour and the background colour are identical\" among the things that make an e-mail look like spam: invisible words are a way to fool filters. Text hidden by a 0–1 px font, display:none or visibility:hidden is the same trick. Colours are resolved through the HTML as a browser does.",
        fr: "Les guides de l'hébergeur citent « la couleur d'écriture et la couleur de fond sont identiques » parmi les usages à éviter : des mots invisibles servent à tromper les filtres. Un texte masqué par une police de 0–1 px, display:none ou visibility:hidden relève de la même ruse. Les couleurs sont calculées à travers le HTML comme le fait un navigateur.",
        es: "Las guías del alojamiento citan «el color de escritura y el color de fondo son los mismos» entre los usos que se deben evitar: las palabras invisibles sirven para engañar a los filtros. El texto oculto con una letra de 0–1 px, display:none o visibility:hidden es el mismo truco. Los colores se calculan a través del HTML como lo hace un navegador.",
        pl: "Przewodniki hostingu wymieniają „kolor tekstu i tła są identyczne” wśród sposobów, których należy unikać: niewidoczne słowa służą do oszukiwania filtrów. Tekst ukryty czcionką 0–1 px, display:none lub visibility:hidden to ta sama sztuczka. Kolory są obliczane w całym HTML tak jak w przeglądarce.",
    },
    "spam/invisible-text.same-colour" => {
        en: "Text in {color} on {background} (contrast {contrast}, under {limit}) cannot be seen: \"{words}\". Colour from {colorSource}, background from {backgroundSource}.",
        fr: "Le texte en {color} sur {background} (contraste {contrast}, sous {limit}) est invisible : « {words} ». Couleur fixée par {colorSource}, fond par {backgroundSource}.",
        es: "El texto en {color} sobre {background} (contraste {contrast}, por debajo de {limit}) no se ve: «{words}». Color fijado por {colorSource}, fondo por {backgroundSource}.",
        pl: "Tekst w kolorze {color} na tle {background} (kontrast {contrast}, poniżej {limit}) jest niewidoczny: „{words}”. Kolor ustawia {colorSource}, tło {backgroundSource}.",
    },
    "spam/invisible-text.hidden" => {
        en: "{count} pieces of text are hidden by {css} ({source}): \"{words}\".",
        fr: "{count} fragments de texte sont masqués par {css} ({source}) : « {words} ».",
        es: "{count} fragmentos de texto están ocultos con {css} ({source}): «{words}».",
        pl: "{count} fragmentów tekstu ukrywa {css} ({source}): „{words}”.",
    },
    "spam/invisible-text.too-deep" => {
        en: "The HTML nests more than {limit} elements deep; only its first {analysed} of {total} bytes were analysed, so the rest may hide text.",
        fr: "Le HTML imbrique plus de {limit} éléments ; seuls ses {analysed} premiers octets sur {total} ont été analysés, le reste peut donc masquer du texte.",
        es: "El HTML anida más de {limit} elementos; solo se analizaron sus primeros {analysed} de {total} bytes, así que el resto puede ocultar texto.",
        pl: "HTML zagnieżdża ponad {limit} elementów; przeanalizowano tylko pierwsze {analysed} z {total} bajtów, więc reszta może ukrywać tekst.",
    },
    "spam/invisible-text.too-many-elements" => {
        en: "The HTML has more than {limit} elements; only its first {analysed} of {total} bytes were analysed, so the rest may hide text.",
        fr: "Le HTML contient plus de {limit} éléments ; seuls ses {analysed} premiers octets sur {total} ont été analysés, le reste peut donc masquer du texte.",
        es: "El HTML tiene más de {limit} elementos; solo se analizaron sus primeros {analysed} de {total} bytes, así que el resto puede ocultar texto.",
        pl: "HTML ma ponad {limit} elementów; przeanalizowano tylko pierwsze {analysed} z {total} bajtów, więc reszta może ukrywać tekst.",
    },
    "spam/invisible-text.too-much-work" => {
        en: "The HTML and its style sheets take more than {limit} steps to analyse; only its first {analysed} of {total} bytes were analysed, so the rest may hide text.",
        fr: "Le HTML et ses feuilles de style demandent plus de {limit} étapes d'analyse ; seuls ses {analysed} premiers octets sur {total} ont été analysés, le reste peut donc masquer du texte.",
        es: "El HTML y sus hojas de estilo requieren más de {limit} pasos de análisis; solo se analizaron sus primeros {analysed} de {total} bytes, así que el resto puede ocultar texto.",
        pl: "Analiza HTML i jego arkuszy stylów wymaga ponad {limit} kroków; przeanalizowano tylko pierwsze {analysed} z {total} bajtów, więc reszta może ukrywać tekst.",
    },
    "spam/invisible-text.too-much-text" => {
        en: "The HTML yields more than {limit} bytes of text to analyse; only its first {analysed} of {total} bytes were analysed, so the rest may hide text.",
        fr: "Le HTML produit plus de {limit} octets de texte à analyser ; seuls ses {analysed} premiers octets sur {total} ont été analysés, le reste peut donc masquer du texte.",
        es: "El HTML produce más de {limit} bytes de texto que analizar; solo se analizaron sus primeros {analysed} de {total} bytes, así que el resto puede ocultar texto.",
        pl: "HTML daje ponad {limit} bajtów tekstu do analizy; przeanalizowano tylko pierwsze {analysed} z {total} bajtów, więc reszta może ukrywać tekst.",
    },
    "spam/invisible-text.fix" => {
        en: "Give text a colour that stands out from its background, and remove text the reader is not meant to see.",
        fr: "Donnez au texte une couleur qui se distingue de son fond, et supprimez le texte que le lecteur n'est pas censé voir.",
        es: "Dé al texto un color que destaque sobre su fondo y elimine el texto que el lector no debe ver.",
        pl: "Nadaj tekstowi kolor odróżniający się od tła i usuń tekst, którego czytelnik nie ma widzieć.",
    },
    "spam/invisible-text.fix-simplify" => {
        en: "Simplify the HTML: real messages need a few dozen levels of nesting at most.",
        fr: "Simplifiez le HTML : un vrai message n'a besoin que de quelques dizaines de niveaux d'imbrication au plus.",
        es: "Simplifique el HTML: un mensaje real necesita como mucho unas decenas de niveles de anidamiento.",
        pl: "Uprość HTML: prawdziwa wiadomość potrzebuje najwyżej kilkudziesięciu poziomów zagnieżdżenia.",
    },
    // ── spam/listed-ip ──────────────────────────────────────────────────
    "spam/listed-ip.summary" => {
        en: "An IP address in the message is on your list of listed IPs.",
        fr: "Une adresse IP du message figure dans votre liste d'IP listées.",
        es: "Una dirección IP del mensaje está en su lista de IP listadas.",
        pl: "Adres IP z wiadomości jest na Twojej liście adresów IP z czarnych list.",
    },
    "spam/listed-ip.why" => {
        en: "The hosting guides list \"the public IP address (the IP of your internet access point, for example) is listed by reputation bodies\" among the things that make an e-mail look like spam. mail-preflight works offline: it checks the IPs in Received and X-Originating-IP and in links to IP addresses against the list you give (IPs and CIDR ranges, e.g. from a Spamhaus lookup).",
        fr: "Les guides de l'hébergeur citent « l'adresse IP publique (IP de votre point d'accès internet par exemple) est listée chez des organismes de réputation » parmi les usages à éviter. mail-preflight fonctionne hors ligne : il compare les IP des champs Received et X-Originating-IP et des liens vers des adresses IP à la liste que vous fournissez (IP et plages CIDR, par exemple issues d'une vérification Spamhaus).",
        es: "Las guías del alojamiento citan «la dirección IP pública (IP de su punto de acceso a internet, por ejemplo) está listada en organismos de reputación» entre los usos que se deben evitar. mail-preflight funciona sin conexión: compara las IP de los campos Received y X-Originating-IP y de los enlaces a direcciones IP con la lista que usted indique (IP y rangos CIDR, por ejemplo de una consulta en Spamhaus).",
        pl: "Przewodniki hostingu wymieniają „publiczny adres IP (np. adres IP Twojego punktu dostępu do internetu) jest na listach organizacji reputacyjnych” wśród sposobów, których należy unikać. mail-preflight działa offline: porównuje adresy IP z pól Received i X-Originating-IP oraz z linków do adresów IP z podaną przez Ciebie listą (adresy IP i zakresy CIDR, np. ze sprawdzenia w Spamhaus).",
    },
    "spam/listed-ip.in-header" => {
        en: "The {header} field shows the IP {ip}, which is listed ({entry}).",
        fr: "Le champ {header} montre l'IP {ip}, qui est listée ({entry}).",
        es: "El campo {header} muestra la IP {ip}, que está listada ({entry}).",
        pl: "Pole {header} zawiera adres IP {ip}, który jest na liście ({entry}).",
    },
    "spam/listed-ip.in-link" => {
        en: "A link points to the IP {ip}, which is listed ({entry}).",
        fr: "Un lien pointe vers l'IP {ip}, qui est listée ({entry}).",
        es: "Un enlace apunta a la IP {ip}, que está listada ({entry}).",
        pl: "Link prowadzi do adresu IP {ip}, który jest na liście ({entry}).",
    },
    "spam/listed-ip.invalid-entry" => {
        en: "The listed-IP entry \"{entry}\" is neither an IP address nor a CIDR range; it was ignored.",
        fr: "L'entrée « {entry} » de la liste d'IP n'est ni une adresse IP ni une plage CIDR ; elle a été ignorée.",
        es: "La entrada «{entry}» de la lista de IP no es ni una dirección IP ni un rango CIDR; se ha ignorado.",
        pl: "Wpis „{entry}” na liście adresów IP nie jest ani adresem IP, ani zakresem CIDR; został pominięty.",
    },
    "spam/listed-ip.fix" => {
        en: "Ask for the IP to be delisted (Spamhaus lookup), send from another connection or through your hosting's SMTP, and remove links to bare IP addresses.",
        fr: "Demandez le retrait de l'IP des listes (vérification Spamhaus), envoyez depuis une autre connexion ou par le SMTP de votre hébergement, et retirez les liens vers des adresses IP.",
        es: "Solicite la retirada de la IP de las listas (consulta en Spamhaus), envíe desde otra conexión o por el SMTP de su alojamiento, y elimine los enlaces a direcciones IP.",
        pl: "Poproś o usunięcie adresu IP z list (sprawdzenie w Spamhaus), wysyłaj z innego łącza lub przez SMTP hostingu i usuń linki do samych adresów IP.",
    },
    "spam/listed-ip.fix-entry" => {
        en: "Write each entry as an IP (203.0.113.7, 2001:db8::1) or a CIDR range (203.0.113.0/24, 2001:db8::/32).",
        fr: "Écrivez chaque entrée sous forme d'IP (203.0.113.7, 2001:db8::1) ou de plage CIDR (203.0.113.0/24, 2001:db8::/32).",
        es: "Escriba cada entrada como una IP (203.0.113.7, 2001:db8::1) o un rango CIDR (203.0.113.0/24, 2001:db8::/32).",
        pl: "Zapisz każdy wpis jako adres IP (203.0.113.7, 2001:db8::1) lub zakres CIDR (203.0.113.0/24, 2001:db8::/32).",
    },
    // ── spam/adult-terms ────────────────────────────────────────────────
    "spam/adult-terms.summary" => {
        en: "The message contains pornographic or near-pornographic terms.",
        fr: "Le message contient des termes à caractère pornographique ou s'en rapprochant.",
        es: "El mensaje incluye términos pornográficos o que se acercan a ello.",
        pl: "Wiadomość zawiera słowa o charakterze pornograficznym lub zbliżonym.",
    },
    "spam/adult-terms.why" => {
        en: "The hosting guides list \"the e-mail contains terms of a pornographic nature or close to it\" among the things that make an e-mail look like spam. Words are matched whole, after removing accents, leetspeak (p0rn) and invisible characters, so words such as Scunthorpe or Essex do not match.",
        fr: "Les guides de l'hébergeur citent « l'e-mail contient des termes à caractère pornographique ou s'en rapprochant » parmi les usages à éviter. Les mots sont comparés entiers, après suppression des accents, du leetspeak (p0rn) et des caractères invisibles, si bien que des mots comme Scunthorpe ou Essex ne sont pas concernés.",
        es: "Las guías del alojamiento citan «el mensaje incluye términos pornográficos o que se acercan a ello» entre los usos que se deben evitar. Las palabras se comparan enteras, tras quitar acentos, leetspeak (p0rn) y caracteres invisibles, de modo que palabras como Scunthorpe o Essex no coinciden.",
        pl: "Przewodniki hostingu wymieniają „e-mail zawiera słowa o charakterze pornograficznym lub zbliżonym” wśród sposobów, których należy unikać. Słowa są porównywane w całości po usunięciu akcentów, leetspeaku (p0rn) i niewidocznych znaków, więc słowa takie jak Scunthorpe czy Essex nie pasują.",
    },
    "spam/adult-terms.found" => {
        en: "{count} adult terms found in {place}: {terms}.",
        fr: "{count} termes pour adultes trouvés dans {place} : {terms}.",
        es: "{count} términos para adultos encontrados en {place}: {terms}.",
        pl: "Znaleziono {count} słów dla dorosłych w {place}: {terms}.",
    },
    "spam/adult-terms.fix" => {
        en: "Remove or rephrase these words; if a visitor typed them into a form, do not copy the form text into the mail as is.",
        fr: "Retirez ou reformulez ces mots ; si un visiteur les a saisis dans un formulaire, ne recopiez pas tel quel le texte du formulaire dans l'e-mail.",
        es: "Elimine o reformule estas palabras; si un visitante las escribió en un formulario, no copie tal cual el texto del formulario en el correo.",
        pl: "Usuń lub przeformułuj te słowa; jeśli odwiedzający wpisał je w formularzu, nie kopiuj tekstu formularza do wiadomości bez zmian.",
    },
}
