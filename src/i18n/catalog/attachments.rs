//! Messages of the `attachment/*` rules. The guides' own sentence: "L'e-mail
//! contient un exécutable (EXE, BAT, PIF, XML, XLSX ou des documents avec des
//! « macros »), même s'il est « zippé »" / "El email contiene un ejecutable …,
//! aunque esté zippé" / "E-mail zawiera plik wykonalny …".

crate::catalog! {
    // ── attachment/executable ──────────────────────────────────────────
    "attachment/executable.summary" => {
        en: "An attachment is a program or a script, even inside an archive.",
        fr: "Une pièce jointe est un programme ou un script, même dans une archive.",
        es: "Un adjunto es un programa o un script, incluso dentro de un archivo comprimido.",
        pl: "Załącznik jest programem lub skryptem, nawet wewnątrz archiwum.",
    },
    "attachment/executable.why" => {
        en: "The hosting guides list an e-mail that contains an executable (EXE, BAT, PIF, …), even zipped, among the reasons the host blocks the sending of automated mail. Programs are recognised by their real extension, once hidden characters and trailing dots are undone, and by their content (Windows, Linux and macOS programs, scripts, shortcuts, installers), whatever the name says.",
        fr: "Les guides de l'hébergeur citent l'e-mail qui contient un exécutable (EXE, BAT, PIF, …), même « zippé », parmi les causes de blocage des envois d'e-mails automatisés. Les programmes sont reconnus par leur véritable extension, une fois les caractères cachés et les points finaux retirés, et par leur contenu (programmes Windows, Linux et macOS, scripts, raccourcis, installeurs), quel que soit le nom.",
        es: "Las guías del alojamiento citan el correo que contiene un ejecutable (EXE, BAT, PIF, …), aunque esté comprimido en zip, entre las causas de bloqueo del envío de correos automatizados. Los programas se reconocen por su extensión real, una vez quitados los caracteres ocultos y los puntos finales, y por su contenido (programas de Windows, Linux y macOS, scripts, accesos directos, instaladores), diga lo que diga el nombre.",
        pl: "Przewodniki hostingu wymieniają e-mail zawierający plik wykonywalny (EXE, BAT, PIF, …), nawet spakowany do ZIP, wśród powodów blokady wysyłki automatycznych wiadomości. Programy są rozpoznawane po prawdziwym rozszerzeniu, po usunięciu ukrytych znaków i końcowych kropek, oraz po zawartości (programy Windows, Linux i macOS, skrypty, skróty, instalatory), niezależnie od nazwy.",
    },
    "attachment/executable.by-name" => {
        en: "{path} has the extension .{extension} ({group}): it is a program or script, and the host blocks mail that carries one.",
        fr: "{path} a l'extension .{extension} ({group}) : c'est un programme ou un script, et l'hébergeur bloque les e-mails qui en contiennent.",
        es: "{path} tiene la extensión .{extension} ({group}): es un programa o un script, y el alojamiento bloquea los correos que los contienen.",
        pl: "{path} ma rozszerzenie .{extension} ({group}): to program lub skrypt, a hosting blokuje wiadomości, które je zawierają.",
    },
    "attachment/executable.by-content" => {
        en: "{path} is a {format}, whatever its name says: the host blocks mail that carries a program.",
        fr: "{path} est un fichier {format}, quoi qu'en dise son nom : l'hébergeur bloque les e-mails qui contiennent un programme.",
        es: "{path} es un archivo {format}, diga lo que diga su nombre: el alojamiento bloquea los correos que contienen un programa.",
        pl: "{path} to plik typu {format}, niezależnie od nazwy: hosting blokuje wiadomości zawierające program.",
    },
    "attachment/executable.by-name-and-content" => {
        en: "{path} is a {format} with the extension .{extension} ({group}): the host blocks mail that carries a program.",
        fr: "{path} est un fichier {format} avec l'extension .{extension} ({group}) : l'hébergeur bloque les e-mails qui contiennent un programme.",
        es: "{path} es un archivo {format} con la extensión .{extension} ({group}): el alojamiento bloquea los correos que contienen un programa.",
        pl: "{path} to plik typu {format} z rozszerzeniem .{extension} ({group}): hosting blokuje wiadomości zawierające program.",
    },
    "attachment/executable.fix" => {
        en: "Do not send programs by e-mail, not even zipped or renamed: put the file on your site and send a download link.",
        fr: "N'envoyez pas de programmes par e-mail, même zippés ou renommés : déposez le fichier sur votre site et envoyez un lien de téléchargement.",
        es: "No envíe programas por correo, ni comprimidos ni renombrados: suba el archivo a su sitio y envíe un enlace de descarga.",
        pl: "Nie wysyłaj programów e-mailem, nawet spakowanych lub o zmienionej nazwie: umieść plik na swojej stronie i wyślij link do pobrania.",
    },
    // ── attachment/macro-document ──────────────────────────────────────
    "attachment/macro-document.summary" => {
        en: "An attachment is an Office document with macros, even inside an archive.",
        fr: "Une pièce jointe est un document Office avec des macros, même dans une archive.",
        es: "Un adjunto es un documento de Office con macros, incluso dentro de un archivo comprimido.",
        pl: "Załącznik jest dokumentem Office z makrami, nawet wewnątrz archiwum.",
    },
    "attachment/macro-document.why" => {
        en: "The hosting guides count documents with macros as executables that get automated mail blocked, zipped or not: macros are programs that run inside Word, Excel or PowerPoint. They are found by extension (docm, xlsm, …) and by content: the VBA storages of legacy documents and the vbaProject.bin part or macro-enabled content type of newer ones, whatever the file is named.",
        fr: "Les guides de l'hébergeur comptent les documents avec des « macros » parmi les exécutables qui font bloquer les e-mails automatisés, zippés ou non : les macros sont des programmes qui s'exécutent dans Word, Excel ou PowerPoint. Elles sont repérées par l'extension (docm, xlsm, …) et par le contenu : stockages VBA des anciens documents, partie vbaProject.bin ou type de contenu « macroEnabled » des récents, quel que soit le nom du fichier.",
        es: "Las guías del alojamiento cuentan los documentos con \"macros\" entre los ejecutables que provocan el bloqueo de los correos automatizados, comprimidos o no: las macros son programas que se ejecutan dentro de Word, Excel o PowerPoint. Se detectan por la extensión (docm, xlsm, …) y por el contenido: almacenes VBA de los documentos antiguos, parte vbaProject.bin o tipo de contenido \"macroEnabled\" de los recientes, se llame como se llame el archivo.",
        pl: "Przewodniki hostingu zaliczają dokumenty z makrami do plików wykonywalnych, przez które automatyczne wiadomości są blokowane, spakowane czy nie: makra to programy uruchamiane w Wordzie, Excelu lub PowerPoincie. Wykrywa się je po rozszerzeniu (docm, xlsm, …) i po zawartości: magazynach VBA starszych dokumentów oraz części vbaProject.bin lub typie zawartości „macroEnabled” nowszych, niezależnie od nazwy pliku.",
    },
    "attachment/macro-document.extension" => {
        en: "{path} has the extension .{extension}, an Office format made to carry macros: the host blocks it.",
        fr: "{path} a l'extension .{extension}, un format Office conçu pour contenir des macros : l'hébergeur le bloque.",
        es: "{path} tiene la extensión .{extension}, un formato de Office hecho para llevar macros: el alojamiento lo bloquea.",
        pl: "{path} ma rozszerzenie .{extension}, format Office przeznaczony do przechowywania makr: hosting go blokuje.",
    },
    "attachment/macro-document.vba-storage" => {
        en: "{path} holds a VBA macro project (storage {storage}): the host blocks documents with macros.",
        fr: "{path} contient un projet de macros VBA (stockage {storage}) : l'hébergeur bloque les documents avec des macros.",
        es: "{path} contiene un proyecto de macros VBA (almacén {storage}): el alojamiento bloquea los documentos con macros.",
        pl: "{path} zawiera projekt makr VBA (magazyn {storage}): hosting blokuje dokumenty z makrami.",
    },
    "attachment/macro-document.vba-project" => {
        en: "{path} is the VBA macro project of an Office document: the host blocks documents with macros.",
        fr: "{path} est le projet de macros VBA d'un document Office : l'hébergeur bloque les documents avec des macros.",
        es: "{path} es el proyecto de macros VBA de un documento de Office: el alojamiento bloquea los documentos con macros.",
        pl: "{path} to projekt makr VBA dokumentu Office: hosting blokuje dokumenty z makrami.",
    },
    "attachment/macro-document.macro-sheets" => {
        en: "{path} is an Excel 4.0 macro sheet: the host blocks documents with macros.",
        fr: "{path} est une feuille de macros Excel 4.0 : l'hébergeur bloque les documents avec des macros.",
        es: "{path} es una hoja de macros de Excel 4.0: el alojamiento bloquea los documentos con macros.",
        pl: "{path} to arkusz makr Excel 4.0: hosting blokuje dokumenty z makrami.",
    },
    "attachment/macro-document.content-type" => {
        en: "{path} declares a macro-enabled document: the host blocks documents with macros.",
        fr: "{path} déclare un document prenant en charge les macros : l'hébergeur bloque les documents avec des macros.",
        es: "{path} declara un documento habilitado para macros: el alojamiento bloquea los documentos con macros.",
        pl: "{path} deklaruje dokument z obsługą makr: hosting blokuje dokumenty z makrami.",
    },
    "attachment/macro-document.fix" => {
        en: "Save the document without macros (as .docx, .xlsx or, better, PDF) or send a link to it on your site.",
        fr: "Enregistrez le document sans macros (en .docx, .xlsx ou, mieux, en PDF) ou envoyez un lien vers le fichier sur votre site.",
        es: "Guarde el documento sin macros (como .docx, .xlsx o, mejor, PDF) o envíe un enlace al archivo en su sitio.",
        pl: "Zapisz dokument bez makr (jako .docx, .xlsx lub lepiej PDF) albo wyślij link do pliku na swojej stronie.",
    },
    // ── attachment/blocked-type ────────────────────────────────────────
    "attachment/blocked-type.summary" => {
        en: "An attachment is an XLSX or XML file, types the host blocks although they are not programs.",
        fr: "Une pièce jointe est un fichier XLSX ou XML, types que l'hébergeur bloque bien que ce ne soient pas des programmes.",
        es: "Un adjunto es un archivo XLSX o XML, tipos que el alojamiento bloquea aunque no sean programas.",
        pl: "Załącznik jest plikiem XLSX lub XML, typami blokowanymi przez hosting, choć nie są programami.",
    },
    "attachment/blocked-type.why" => {
        en: "The hosting guides put XML and XLSX in the same list as EXE, BAT and PIF: mail carrying them can be blocked, even zipped. The file itself is harmless data, so this is a warning about the host's policy, not a malware alarm.",
        fr: "Les guides de l'hébergeur placent XML et XLSX dans la même liste que EXE, BAT et PIF : un e-mail qui en contient peut être bloqué, même « zippé ». Le fichier lui-même est une donnée inoffensive : il s'agit d'un avertissement sur la politique de l'hébergeur, pas d'une alerte au logiciel malveillant.",
        es: "Las guías del alojamiento incluyen XML y XLSX en la misma lista que EXE, BAT y PIF: un correo que los contenga puede bloquearse, aunque esté comprimido en zip. El archivo en sí son datos inofensivos: es un aviso sobre la política del alojamiento, no una alerta de malware.",
        pl: "Przewodniki hostingu umieszczają XML i XLSX na tej samej liście co EXE, BAT i PIF: wiadomość, która je zawiera, może zostać zablokowana, nawet spakowana. Sam plik to nieszkodliwe dane, więc jest to ostrzeżenie o zasadach hostingu, a nie alarm o złośliwym oprogramowaniu.",
    },
    "attachment/blocked-type.blocked" => {
        en: "{path} is {type}: it is not a program, but the host's guides list this type among the attachments that get mail blocked.",
        fr: "{path} est de type {type} : ce n'est pas un programme, mais les guides de l'hébergeur citent ce type parmi les pièces jointes qui font bloquer les e-mails.",
        es: "{path} es de tipo {type}: no es un programa, pero las guías del alojamiento citan este tipo entre los adjuntos que provocan el bloqueo de los correos.",
        pl: "{path} jest typu {type}: to nie program, ale przewodniki hostingu wymieniają ten typ wśród załączników, przez które wiadomości są blokowane.",
    },
    "attachment/blocked-type.fix" => {
        en: "Send the data as PDF or CSV, or put the file on your site and send a link.",
        fr: "Envoyez les données en PDF ou en CSV, ou déposez le fichier sur votre site et envoyez un lien.",
        es: "Envíe los datos en PDF o CSV, o suba el archivo a su sitio y envíe un enlace.",
        pl: "Wyślij dane jako PDF lub CSV albo umieść plik na swojej stronie i wyślij link.",
    },
    // ── attachment/deceptive-name ──────────────────────────────────────
    "attachment/deceptive-name.summary" => {
        en: "An attachment's name hides its real extension.",
        fr: "Le nom d'une pièce jointe cache sa véritable extension.",
        es: "El nombre de un adjunto oculta su extensión real.",
        pl: "Nazwa załącznika ukrywa jego prawdziwe rozszerzenie.",
    },
    "attachment/deceptive-name.why" => {
        en: "Invisible direction controls (such as U+202E, right-to-left override), a decoy extension before the real one, trailing dots and spaces or long runs of spaces are tricks used to make a program look like a document. Mail filters treat such names as an attack.",
        fr: "Les caractères de contrôle de direction invisibles (comme U+202E, forçage de droite à gauche), une fausse extension avant la vraie, des points et espaces finaux ou de longues suites d'espaces sont des ruses pour faire passer un programme pour un document. Les filtres de messagerie traitent ces noms comme une attaque.",
        es: "Los caracteres invisibles de control de dirección (como U+202E, forzado de derecha a izquierda), una extensión señuelo antes de la real, los puntos y espacios finales o las largas series de espacios son trucos para que un programa parezca un documento. Los filtros de correo tratan esos nombres como un ataque.",
        pl: "Niewidoczne znaki sterujące kierunkiem tekstu (jak U+202E, wymuszenie od prawej do lewej), fałszywe rozszerzenie przed prawdziwym, końcowe kropki i spacje czy długie ciągi spacji to sztuczki, dzięki którym program udaje dokument. Filtry pocztowe traktują takie nazwy jak atak.",
    },
    "attachment/deceptive-name.hidden-characters" => {
        en: "The name {path} contains invisible direction or zero-width characters ({characters}) that change how the extension is displayed.",
        fr: "Le nom {path} contient des caractères invisibles de direction ou de largeur nulle ({characters}) qui changent l'affichage de l'extension.",
        es: "El nombre {path} contiene caracteres invisibles de dirección o de anchura cero ({characters}) que cambian cómo se muestra la extensión.",
        pl: "Nazwa {path} zawiera niewidoczne znaki kierunku lub zerowej szerokości ({characters}), które zmieniają sposób wyświetlania rozszerzenia.",
    },
    "attachment/deceptive-name.trailing" => {
        en: "The name {path} ends with dots or spaces, which Windows removes when saving the file, revealing another extension.",
        fr: "Le nom {path} se termine par des points ou des espaces, que Windows supprime à l'enregistrement, ce qui révèle une autre extension.",
        es: "El nombre {path} termina en puntos o espacios, que Windows elimina al guardar el archivo, dejando ver otra extensión.",
        pl: "Nazwa {path} kończy się kropkami lub spacjami, które Windows usuwa przy zapisie pliku, odsłaniając inne rozszerzenie.",
    },
    "attachment/deceptive-name.double-extension" => {
        en: "The name {path} shows .{decoy} before its real extension, a classic disguise for a program.",
        fr: "Le nom {path} affiche .{decoy} avant sa véritable extension, un déguisement classique de programme.",
        es: "El nombre {path} muestra .{decoy} antes de su extensión real, un disfraz clásico de programa.",
        pl: "Nazwa {path} pokazuje .{decoy} przed prawdziwym rozszerzeniem, co jest klasycznym przebraniem programu.",
    },
    "attachment/deceptive-name.padding" => {
        en: "The name {path} pushes its real extension out of view with a run of spaces.",
        fr: "Le nom {path} repousse sa véritable extension hors de vue par une suite d'espaces.",
        es: "El nombre {path} aleja su extensión real de la vista con una serie de espacios.",
        pl: "Nazwa {path} wypycha prawdziwe rozszerzenie poza widok ciągiem spacji.",
    },
    "attachment/deceptive-name.fix" => {
        en: "Give the file a plain name with a single, true extension, without special characters.",
        fr: "Donnez au fichier un nom simple, avec une seule extension, la vraie, sans caractères spéciaux.",
        es: "Dé al archivo un nombre sencillo con una sola extensión, la verdadera, sin caracteres especiales.",
        pl: "Nadaj plikowi prostą nazwę z jednym, prawdziwym rozszerzeniem, bez znaków specjalnych.",
    },
    // ── attachment/type-mismatch ───────────────────────────────────────
    "attachment/type-mismatch.summary" => {
        en: "An attachment's content is not what its declared type or extension says.",
        fr: "Le contenu d'une pièce jointe ne correspond pas à son type déclaré ou à son extension.",
        es: "El contenido de un adjunto no es lo que dicen su tipo declarado o su extensión.",
        pl: "Zawartość załącznika nie odpowiada zadeklarowanemu typowi ani rozszerzeniu.",
    },
    "attachment/type-mismatch.why" => {
        en: "A file whose content disagrees with its Content-Type or its extension looks disguised, and mail filters score it as such. It may also fail to open for the recipient.",
        fr: "Un fichier dont le contenu contredit son Content-Type ou son extension semble déguisé, et les filtres de messagerie le notent comme tel. Le destinataire risque aussi de ne pas pouvoir l'ouvrir.",
        es: "Un archivo cuyo contenido contradice su Content-Type o su extensión parece disfrazado, y los filtros de correo lo puntúan como tal. Además, puede que el destinatario no consiga abrirlo.",
        pl: "Plik, którego zawartość jest sprzeczna z Content-Type lub rozszerzeniem, wygląda na zamaskowany i filtry pocztowe tak go oceniają. Odbiorca może też nie móc go otworzyć.",
    },
    "attachment/type-mismatch.declared-type" => {
        en: "{path} is declared as {declared} but its content is {detected}.",
        fr: "{path} est déclaré comme {declared} mais son contenu est {detected}.",
        es: "{path} está declarado como {declared} pero su contenido es {detected}.",
        pl: "{path} jest zadeklarowany jako {declared}, ale jego zawartość to {detected}.",
    },
    "attachment/type-mismatch.extension" => {
        en: "{path} is named as a {declared} file but its content is {detected}.",
        fr: "{path} porte l'extension {declared} mais son contenu est {detected}.",
        es: "{path} lleva la extensión {declared} pero su contenido es {detected}.",
        pl: "{path} ma rozszerzenie {declared}, ale jego zawartość to {detected}.",
    },
    "attachment/type-mismatch.fix" => {
        en: "Attach the file under its real name and type; let your mail library choose the Content-Type from the file.",
        fr: "Joignez le fichier sous son vrai nom et son vrai type ; laissez votre bibliothèque d'envoi choisir le Content-Type d'après le fichier.",
        es: "Adjunte el archivo con su nombre y tipo reales; deje que su biblioteca de correo elija el Content-Type a partir del archivo.",
        pl: "Dołącz plik pod prawdziwą nazwą i typem; pozwól bibliotece pocztowej dobrać Content-Type na podstawie pliku.",
    },
    // ── attachment/encrypted-archive ───────────────────────────────────
    "attachment/encrypted-archive.summary" => {
        en: "An attachment is encrypted: nobody can check what it contains.",
        fr: "Une pièce jointe est chiffrée : personne ne peut vérifier ce qu'elle contient.",
        es: "Un adjunto está cifrado: nadie puede comprobar lo que contiene.",
        pl: "Załącznik jest zaszyfrowany: nikt nie może sprawdzić, co zawiera.",
    },
    "attachment/encrypted-archive.why" => {
        en: "Password-protected archives and documents are the usual way to slip programs past mail filters, since the guides block executables even zipped. The host's filter cannot look inside either and may hold the mail.",
        fr: "Les archives et documents protégés par mot de passe sont le moyen habituel de faire passer des programmes au travers des filtres, puisque les guides bloquent les exécutables même « zippés ». Le filtre de l'hébergeur ne peut pas non plus regarder dedans et peut retenir l'e-mail.",
        es: "Los archivos y documentos protegidos con contraseña son la forma habitual de colar programas a través de los filtros, ya que las guías bloquean los ejecutables aunque estén comprimidos. El filtro del alojamiento tampoco puede ver su interior y puede retener el correo.",
        pl: "Archiwa i dokumenty chronione hasłem to typowy sposób przemycania programów przez filtry, skoro przewodniki blokują pliki wykonywalne nawet spakowane. Filtr hostingu również nie zajrzy do środka i może zatrzymać wiadomość.",
    },
    "attachment/encrypted-archive.entry" => {
        en: "{path} is encrypted in its archive: its content cannot be inspected.",
        fr: "{path} est chiffré dans son archive : son contenu ne peut pas être inspecté.",
        es: "{path} está cifrado dentro de su archivo comprimido: su contenido no se puede inspeccionar.",
        pl: "{path} jest zaszyfrowany w archiwum: jego zawartości nie można sprawdzić.",
    },
    "attachment/encrypted-archive.office" => {
        en: "{path} is a password-protected Office document: its content cannot be inspected.",
        fr: "{path} est un document Office protégé par mot de passe : son contenu ne peut pas être inspecté.",
        es: "{path} es un documento de Office protegido con contraseña: su contenido no se puede inspeccionar.",
        pl: "{path} to dokument Office chroniony hasłem: jego zawartości nie można sprawdzić.",
    },
    "attachment/encrypted-archive.fix" => {
        en: "Send the file without a password, or share it through a link on your site and give the password another way.",
        fr: "Envoyez le fichier sans mot de passe, ou partagez-le par un lien sur votre site et transmettez le mot de passe autrement.",
        es: "Envíe el archivo sin contraseña, o compártalo mediante un enlace en su sitio y comunique la contraseña por otra vía.",
        pl: "Wyślij plik bez hasła albo udostępnij go linkiem na swojej stronie, a hasło przekaż inną drogą.",
    },
    // ── attachment/uninspectable-archive ───────────────────────────────
    "attachment/uninspectable-archive.summary" => {
        en: "An archive's content cannot be inspected (RAR, 7-Zip, cabinet, …).",
        fr: "Le contenu d'une archive ne peut pas être inspecté (RAR, 7-Zip, cabinet, …).",
        es: "El contenido de un archivo comprimido no se puede inspeccionar (RAR, 7-Zip, cabinet, …).",
        pl: "Zawartości archiwum nie można sprawdzić (RAR, 7-Zip, cabinet, …).",
    },
    "attachment/uninspectable-archive.why" => {
        en: "The guides block executables even zipped. mail-preflight reads ZIP, tar and gzip, but not this format, so it cannot tell whether a program is inside; the host's filter may not read it either and may hold the mail.",
        fr: "Les guides bloquent les exécutables même « zippés ». mail-preflight lit les formats ZIP, tar et gzip, mais pas celui-ci : il ne peut pas dire si un programme s'y trouve ; le filtre de l'hébergeur ne le lit peut-être pas non plus et peut retenir l'e-mail.",
        es: "Las guías bloquean los ejecutables aunque estén comprimidos. mail-preflight lee ZIP, tar y gzip, pero no este formato, así que no puede saber si contiene un programa; puede que el filtro del alojamiento tampoco lo lea y retenga el correo.",
        pl: "Przewodniki blokują pliki wykonywalne nawet spakowane. mail-preflight odczytuje ZIP, tar i gzip, ale nie ten format, więc nie wie, czy w środku jest program; filtr hostingu może go też nie odczytać i zatrzymać wiadomość.",
    },
    "attachment/uninspectable-archive.format" => {
        en: "{path} is a {format} archive, whose content cannot be inspected.",
        fr: "{path} est une archive {format}, dont le contenu ne peut pas être inspecté.",
        es: "{path} es un archivo {format}, cuyo contenido no se puede inspeccionar.",
        pl: "{path} to archiwum {format}, którego zawartości nie można sprawdzić.",
    },
    "attachment/uninspectable-archive.with-names" => {
        en: "{path} is a {format} archive of {count} files ({names}); their content cannot be inspected.",
        fr: "{path} est une archive {format} de {count} fichiers ({names}) ; leur contenu ne peut pas être inspecté.",
        es: "{path} es un archivo {format} con {count} ficheros ({names}); su contenido no se puede inspeccionar.",
        pl: "{path} to archiwum {format} zawierające pliki ({count}): {names}; ich zawartości nie można sprawdzić.",
    },
    "attachment/uninspectable-archive.fix" => {
        en: "Send the files as a ZIP archive without password, or as separate attachments.",
        fr: "Envoyez les fichiers dans une archive ZIP sans mot de passe, ou en pièces jointes séparées.",
        es: "Envíe los archivos en un ZIP sin contraseña o como adjuntos separados.",
        pl: "Wyślij pliki w archiwum ZIP bez hasła albo jako osobne załączniki.",
    },
    // ── attachment/archive-limit ───────────────────────────────────────
    "attachment/archive-limit.summary" => {
        en: "An archive is nested too deep, holds too many files or inflates too much (zip bomb).",
        fr: "Une archive est trop imbriquée, contient trop de fichiers ou se décompresse démesurément (bombe de décompression).",
        es: "Un archivo comprimido está demasiado anidado, contiene demasiados ficheros o se descomprime en exceso (bomba zip).",
        pl: "Archiwum jest zbyt głęboko zagnieżdżone, zawiera zbyt wiele plików lub rozpakowuje się nadmiernie (bomba ZIP).",
    },
    "attachment/archive-limit.why" => {
        en: "Archives nested many levels deep, with thousands of entries or with an extreme compression ratio are built to exhaust mail filters. Filters stop at such limits and hold the mail; mail-preflight stops too, so what lies beyond was not checked.",
        fr: "Les archives imbriquées sur de nombreux niveaux, avec des milliers d'entrées ou un taux de compression extrême, sont conçues pour épuiser les filtres de messagerie. Les filtres s'arrêtent à ces limites et retiennent l'e-mail ; mail-preflight s'arrête aussi, et ce qui se trouve au-delà n'a pas été vérifié.",
        es: "Los archivos anidados en muchos niveles, con miles de entradas o con una tasa de compresión extrema están hechos para agotar los filtros de correo. Los filtros se detienen en esos límites y retienen el correo; mail-preflight también se detiene, así que lo que hay más allá no se ha comprobado.",
        pl: "Archiwa zagnieżdżone na wielu poziomach, z tysiącami pozycji lub ze skrajnym stopniem kompresji są tworzone, by wyczerpać filtry pocztowe. Filtry zatrzymują się na takich limitach i wstrzymują wiadomość; mail-preflight również się zatrzymuje, więc dalsza zawartość nie została sprawdzona.",
    },
    "attachment/archive-limit.depth" => {
        en: "{path} holds archives nested {value} levels deep; inspection stops at {limit}.",
        fr: "{path} contient des archives imbriquées sur {value} niveaux ; l'inspection s'arrête à {limit}.",
        es: "{path} contiene archivos anidados en {value} niveles; la inspección se detiene en {limit}.",
        pl: "{path} zawiera archiwa zagnieżdżone na {value} poziomach; sprawdzanie kończy się na {limit}.",
    },
    "attachment/archive-limit.entries" => {
        en: "{path} holds at least {value} entries; inspection stops at {limit}.",
        fr: "{path} contient au moins {value} entrées ; l'inspection s'arrête à {limit}.",
        es: "{path} contiene al menos {value} entradas; la inspección se detiene en {limit}.",
        pl: "{path} zawiera co najmniej {value} pozycji; sprawdzanie kończy się na {limit}.",
    },
    "attachment/archive-limit.inflated" => {
        en: "Inspecting {path} would inflate more than {limit} bytes; it stopped at {value} bytes.",
        fr: "Inspecter {path} demanderait de décompresser plus de {limit} octets ; l'inspection s'est arrêtée à {value} octets.",
        es: "Inspeccionar {path} exigiría descomprimir más de {limit} bytes; la inspección se detuvo en {value} bytes.",
        pl: "Sprawdzenie {path} wymagałoby rozpakowania ponad {limit} bajtów; zatrzymano się na {value} bajtach.",
    },
    "attachment/archive-limit.ratio" => {
        en: "{path} inflates {value} times its compressed size (limit {limit}): it looks like a zip bomb.",
        fr: "{path} se décompresse à {value} fois sa taille compressée (limite {limit}) : cela ressemble à une bombe de décompression.",
        es: "{path} se descomprime a {value} veces su tamaño comprimido (límite {limit}): parece una bomba zip.",
        pl: "{path} rozpakowuje się do {value}-krotności rozmiaru po kompresji (limit {limit}): wygląda to na bombę ZIP.",
    },
    "attachment/archive-limit.fix" => {
        en: "Send the files in a single, flat ZIP archive, or share large data through a link on your site.",
        fr: "Envoyez les fichiers dans une seule archive ZIP sans imbrication, ou partagez les gros volumes par un lien sur votre site.",
        es: "Envíe los archivos en un único ZIP sin anidar, o comparta los datos voluminosos mediante un enlace en su sitio.",
        pl: "Wyślij pliki w jednym, płaskim archiwum ZIP albo udostępnij duże dane linkiem na swojej stronie.",
    },
}
