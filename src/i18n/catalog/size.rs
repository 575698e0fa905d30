//! Messages of the `size/*` rules.

crate::catalog! {
    "size/total.summary" => {
        en: "The encoded message is larger than the host accepts (10 MB, headers and encoding included).",
        fr: "Le message encodé dépasse ce que l'hébergement accepte (10 Mo, en-têtes et encodage compris).",
        es: "El mensaje codificado supera lo que acepta el alojamiento (10 MB, cabeceras y codificación incluidas).",
        pl: "Zakodowana wiadomość jest większa, niż przyjmuje hosting (10 MB łącznie z nagłówkami i kodowaniem).",
    },
    "size/total.why" => {
        en: "The hosting guides set a 10 MB limit on the whole message as sent: headers, MIME structure and attachments after base64 encoding, which adds about a third to every file. A larger message is refused and never delivered. mail-preflight counts 1 MB as 1,000,000 bytes, the stricter reading.",
        fr: "Les guides de l'hébergeur fixent une limite de 10 Mo pour le message entier tel qu'il est envoyé : en-têtes, structure MIME et pièces jointes après encodage base64, qui ajoute environ un tiers à chaque fichier. Un message plus gros est refusé et jamais distribué. mail-preflight compte 1 Mo = 1 000 000 octets, la lecture la plus stricte.",
        es: "Las guías del alojamiento fijan un límite de 10 MB para el mensaje completo tal como se envía: cabeceras, estructura MIME y adjuntos tras la codificación base64, que añade cerca de un tercio a cada archivo. Un mensaje mayor se rechaza y nunca se entrega. mail-preflight cuenta 1 MB como 1.000.000 bytes, la lectura más estricta.",
        pl: "Przewodniki hostingu ustalają limit 10 MB dla całej wysyłanej wiadomości: nagłówków, struktury MIME i załączników po kodowaniu base64, które powiększa każdy plik o około jedną trzecią. Większa wiadomość zostaje odrzucona i nigdy nie dociera. mail-preflight liczy 1 MB jako 1 000 000 bajtów, czyli ściślej.",
    },
    "size/total.too-large" => {
        en: "The message is {size} ({sizeBytes} bytes) once encoded, {over} bytes over the host's limit of {limit} ({limitBytes} bytes): it will be refused.",
        fr: "Le message fait {size} ({sizeBytes} octets) une fois encodé, soit {over} octets au-delà de la limite de l'hébergement, {limit} ({limitBytes} octets) : il sera refusé.",
        es: "El mensaje ocupa {size} ({sizeBytes} bytes) una vez codificado, {over} bytes por encima del límite del alojamiento de {limit} ({limitBytes} bytes): será rechazado.",
        pl: "Po zakodowaniu wiadomość ma {size} ({sizeBytes} bajtów), o {over} bajtów więcej niż limit hostingu {limit} ({limitBytes} bajtów): zostanie odrzucona.",
    },
    "size/total.fix" => {
        en: "Put large files on your site and send a download link, or compress and resize them; remember that base64 encoding makes each attachment a third larger.",
        fr: "Déposez les gros fichiers sur votre site et envoyez un lien de téléchargement, ou compressez-les et réduisez-les ; l'encodage base64 grossit chaque pièce jointe d'un tiers.",
        es: "Suba los archivos grandes a su sitio y envíe un enlace de descarga, o comprímalos y redúzcalos; la codificación base64 aumenta cada adjunto en un tercio.",
        pl: "Umieść duże pliki na swojej stronie i wyślij link do pobrania albo je skompresuj i zmniejsz; kodowanie base64 powiększa każdy załącznik o jedną trzecią.",
    },
    "size/content.summary" => {
        en: "The decoded content (texts and attachments) is over 7 MB.",
        fr: "Le contenu décodé (textes et pièces jointes) dépasse 7 Mo.",
        es: "El contenido decodificado (textos y adjuntos) supera los 7 MB.",
        pl: "Zdekodowana treść (teksty i załączniki) przekracza 7 MB.",
    },
    "size/content.why" => {
        en: "The guides say the content itself must not exceed 7/8 MB, because encoding it for transport brings it close to the 10 MB limit. Over 7 MB of content, the encoded message is likely to be refused.",
        fr: "Les guides indiquent que le contenu lui-même ne doit pas dépasser 7/8 Mo, car son encodage pour le transport l'approche de la limite de 10 Mo. Au-delà de 7 Mo de contenu, le message encodé risque d'être refusé.",
        es: "Las guías indican que el contenido en sí no debe superar los 7/8 MB, porque al codificarlo para el transporte se acerca al límite de 10 MB. Con más de 7 MB de contenido, es probable que el mensaje codificado sea rechazado.",
        pl: "Przewodniki mówią, że sama treść nie powinna przekraczać 7/8 MB, bo kodowanie do transportu zbliża ją do limitu 10 MB. Powyżej 7 MB treści zakodowana wiadomość prawdopodobnie zostanie odrzucona.",
    },
    "size/content.too-large" => {
        en: "The content is {size} ({sizeBytes} bytes) once decoded, over the {limit} the guides allow before encoding.",
        fr: "Le contenu fait {size} ({sizeBytes} octets) une fois décodé, au-delà des {limit} que les guides autorisent avant encodage.",
        es: "El contenido ocupa {size} ({sizeBytes} bytes) una vez decodificado, por encima de los {limit} que las guías permiten antes de codificar.",
        pl: "Po zdekodowaniu treść ma {size} ({sizeBytes} bajtów), więcej niż {limit} dozwolone przez przewodniki przed kodowaniem.",
    },
    "size/content.fix" => {
        en: "Remove or shrink the largest attachment, or replace it with a link to the file on your site.",
        fr: "Retirez ou réduisez la plus grosse pièce jointe, ou remplacez-la par un lien vers le fichier sur votre site.",
        es: "Elimine o reduzca el adjunto más grande, o sustitúyalo por un enlace al archivo en su sitio.",
        pl: "Usuń lub zmniejsz największy załącznik albo zastąp go linkiem do pliku na swojej stronie.",
    },
    "size/line-length.summary" => {
        en: "A line is longer than 998 octets (error) or 78 characters (info).",
        fr: "Une ligne dépasse 998 octets (erreur) ou 78 caractères (information).",
        es: "Una línea supera los 998 octetos (error) o los 78 caracteres (información).",
        pl: "Wiersz jest dłuższy niż 998 oktetów (błąd) lub 78 znaków (informacja).",
    },
    "size/line-length.why" => {
        en: "RFC 5322 §2.1.1 limits each line to 998 octets plus CRLF; servers may cut longer lines, corrupting the text, or refuse the message as not RFC compliant. Lines should also stay under 78 characters so every mail client shows them well.",
        fr: "La RFC 5322 §2.1.1 limite chaque ligne à 998 octets plus CRLF ; les serveurs peuvent couper les lignes plus longues, ce qui abîme le texte, ou refuser le message comme non conforme aux RFC. Les lignes devraient aussi rester sous 78 caractères pour bien s'afficher partout.",
        es: "El RFC 5322 §2.1.1 limita cada línea a 998 octetos más CRLF; los servidores pueden cortar las líneas más largas, dañando el texto, o rechazar el mensaje por no respetar los RFC. Las líneas también deberían quedarse por debajo de 78 caracteres para verse bien en cualquier cliente.",
        pl: "RFC 5322 §2.1.1 ogranicza każdy wiersz do 998 oktetów plus CRLF; serwery mogą ucinać dłuższe wiersze, psując tekst, albo odrzucić wiadomość jako niezgodną z RFC. Wiersze powinny też mieć mniej niż 78 znaków, aby dobrze wyświetlały się w każdym programie pocztowym.",
    },
    "size/line-length.too-long" => {
        en: "Line {line} is {length} octets long; RFC 5322 §2.1.1 allows at most {limit}.",
        fr: "La ligne {line} fait {length} octets ; la RFC 5322 §2.1.1 en autorise au plus {limit}.",
        es: "La línea {line} tiene {length} octetos; el RFC 5322 §2.1.1 permite como máximo {limit}.",
        pl: "Wiersz {line} ma {length} oktetów; RFC 5322 §2.1.1 dopuszcza najwyżej {limit}.",
    },
    "size/line-length.too-long-more" => {
        en: "Line {line} is {length} octets long; RFC 5322 §2.1.1 allows at most {limit}. {more} more lines are too long.",
        fr: "La ligne {line} fait {length} octets ; la RFC 5322 §2.1.1 en autorise au plus {limit}. {more} autres lignes sont trop longues.",
        es: "La línea {line} tiene {length} octetos; el RFC 5322 §2.1.1 permite como máximo {limit}. Otras {more} líneas son demasiado largas.",
        pl: "Wiersz {line} ma {length} oktetów; RFC 5322 §2.1.1 dopuszcza najwyżej {limit}. Jeszcze {more} wierszy jest za długich.",
    },
    "size/line-length.over-recommended" => {
        en: "{count} lines are longer than the recommended {limit} characters (the longest has {longest}); the first is line {line}.",
        fr: "{count} lignes dépassent les {limit} caractères recommandés (la plus longue en a {longest}) ; la première est la ligne {line}.",
        es: "{count} líneas superan los {limit} caracteres recomendados (la más larga tiene {longest}); la primera es la línea {line}.",
        pl: "{count} wierszy przekracza zalecane {limit} znaków (najdłuższy ma {longest}); pierwszy to wiersz {line}.",
    },
    "size/line-length.fix" => {
        en: "Encode long text with quoted-printable or base64 (any mail library does it when asked), or break the lines: RFC 5322 §2.1.1.",
        fr: "Encodez le texte long en quoted-printable ou en base64 (toute bibliothèque d'envoi le fait sur demande), ou coupez les lignes : RFC 5322 §2.1.1.",
        es: "Codifique el texto largo en quoted-printable o base64 (cualquier biblioteca de correo lo hace si se lo pide), o divida las líneas: RFC 5322 §2.1.1.",
        pl: "Zakoduj długi tekst jako quoted-printable lub base64 (każda biblioteka pocztowa zrobi to na życzenie) albo podziel wiersze: RFC 5322 §2.1.1.",
    },
    "size/line-length.fix-recommended" => {
        en: "Nothing blocks the message; for best display, let your mail library wrap or encode the text (quoted-printable), RFC 5322 §2.1.1.",
        fr: "Rien ne bloque le message ; pour un meilleur affichage, laissez votre bibliothèque d'envoi couper ou encoder le texte (quoted-printable), RFC 5322 §2.1.1.",
        es: "Nada bloquea el mensaje; para una mejor visualización, deje que su biblioteca de correo ajuste o codifique el texto (quoted-printable), RFC 5322 §2.1.1.",
        pl: "Nic nie blokuje wiadomości; dla lepszego wyświetlania pozwól bibliotece pocztowej zawinąć lub zakodować tekst (quoted-printable), RFC 5322 §2.1.1.",
    },
}
