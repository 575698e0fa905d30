// Texts of the page that the engine's catalogue (src/i18n/catalog/ui.rs) does not
// hold yet, in the page's four languages, keyed `page.*`. They take no parameters:
// a sentence with parameters is rendered by the engine's renderer from its own
// catalogue (STYLE.md: one template renderer), so a text here is whole as written.
// `text(id)` (lib/i18n.mjs) reads them like the engine's; tests/e2e/i18n.test.mjs
// checks every key the page names exists in every language.

export const PAGE_TEXTS = {
  // An SMTP reply explained with the settings checked under "Troubleshoot" (views/explain.mjs).
  'page.explain.with-settings': {
    en: 'Explained with the SMTP settings you checked under Troubleshoot (host, port and security).',
    fr: 'Expliqué avec les réglages SMTP que vous avez vérifiés dans « Dépannage » (serveur, port et sécurité).',
    es: 'Explicado con los ajustes SMTP que comprobó en «Solución de problemas» (servidor, puerto y seguridad).',
    pl: 'Wyjaśnione z ustawieniami SMTP sprawdzonymi w zakładce „Rozwiązywanie problemów” (serwer, port i zabezpieczenia).',
  },
  // Site data blocked (lib/storage.mjs): where the page would have kept something.
  'page.storage.custom-off': {
    en: 'This browser does not let the page keep data: your rules last until the tab is closed. Export them to keep a copy.',
    fr: 'Ce navigateur ne laisse pas la page garder de données : vos règles durent jusqu\'à la fermeture de l\'onglet. Exportez-les pour en garder une copie.',
    es: 'Este navegador no deja que la página guarde datos: sus reglas duran hasta que cierre la pestaña. Expórtelas para guardar una copia.',
    pl: 'Ta przeglądarka nie pozwala stronie zapisywać danych: Twoje reguły przetrwają do zamknięcia karty. Wyeksportuj je, aby zachować kopię.',
  },
  'page.storage.checklist-off': {
    en: 'This browser does not let the page keep data: the ticks are forgotten when the tab is closed.',
    fr: 'Ce navigateur ne laisse pas la page garder de données : les coches sont oubliées à la fermeture de l\'onglet.',
    es: 'Este navegador no deja que la página guarde datos: las marcas se olvidan al cerrar la pestaña.',
    pl: 'Ta przeglądarka nie pozwala stronie zapisywać danych: zaznaczenia znikną po zamknięciu karty.',
  },
  // A shared link longer than the links the page makes (lib/share.mjs MAX_SHARE_FRAGMENT_CHARS): not decoded, nothing checked.
  'page.share.too-long': {
    en: 'This link is longer than the links this page makes: it was not made here, and it is not opened.',
    fr: 'Ce lien est plus long que les liens que crée cette page : il n\'a pas été fait ici et il n\'est pas ouvert.',
    es: 'Este enlace es más largo que los enlaces que crea esta página: no se hizo aquí y no se abre.',
    pl: 'Ten link jest dłuższy niż linki tworzone przez tę stronę: nie powstał tutaj i nie zostanie otwarty.',
  },
  // Export or import of rules that are not JSON: said by the page, not in the browser's English parser message.
  'page.custom.not-json': {
    en: 'The rules are not valid JSON: fix the problems shown, then try again.',
    fr: 'Les règles ne sont pas du JSON valide : corrigez les problèmes indiqués, puis réessayez.',
    es: 'Las reglas no son JSON válido: corrija los problemas indicados y vuelva a intentarlo.',
    pl: 'Reguły nie są poprawnym JSON-em: popraw wskazane problemy i spróbuj ponownie.',
  },
  'page.custom.import-not-json': {
    en: 'This file could not be read: it is not valid JSON (a .cf or .txt file is read as SpamAssassin rules).',
    fr: 'Ce fichier n\'a pas pu être lu : ce n\'est pas du JSON valide (un fichier .cf ou .txt est lu comme des règles SpamAssassin).',
    es: 'No se pudo leer este archivo: no es JSON válido (un archivo .cf o .txt se lee como reglas de SpamAssassin).',
    pl: 'Nie udało się odczytać tego pliku: to nie jest poprawny JSON (plik .cf lub .txt jest czytany jako reguły SpamAssassin).',
  },
  'page.custom.import-not-rules': {
    en: 'This file could not be read: it holds neither a list of rules nor an object with customRules.',
    fr: 'Ce fichier n\'a pas pu être lu : il ne contient ni une liste de règles ni un objet avec customRules.',
    es: 'No se pudo leer este archivo: no contiene ni una lista de reglas ni un objeto con customRules.',
    pl: 'Nie udało się odczytać tego pliku: nie zawiera ani listy reguł, ani obiektu z customRules.',
  },
  'page.custom.import-too-large': {
    en: 'This file could not be read: it is larger than the 4 MB the engine takes.',
    fr: 'Ce fichier n\'a pas pu être lu : il dépasse les 4 Mo que le moteur accepte.',
    es: 'No se pudo leer este archivo: supera los 4 MB que acepta el motor.',
    pl: 'Nie udało się odczytać tego pliku: jest większy niż 4 MB, które przyjmuje silnik.',
  },
  // The fixes' diff cut at lib/diff.mjs MAX_SHOWN_CHARS / MAX_SHOWN_LINES.
  'page.fixes.diff-cut': {
    en: '… The rest of the changes is not shown: the message is too large to show whole here. Download the fixed .eml to read all of it.',
    fr: '… La suite des modifications n\'est pas affichée : le message est trop grand pour être montré en entier ici. Téléchargez le .eml corrigé pour tout lire.',
    es: '… El resto de los cambios no se muestra: el mensaje es demasiado grande para mostrarlo entero aquí. Descargue el .eml corregido para leerlo todo.',
    pl: '… Dalsze zmiany nie są pokazane: wiadomość jest zbyt duża, by pokazać ją tu w całości. Pobierz poprawiony plik .eml, aby przeczytać całość.',
  },
  // The fixes' diff past lib/diff.mjs MAX_TABLE_CELLS (4,000,000: the number written in each text).
  'page.fixes.diff-simplified': {
    en: 'This diff is simplified: where comparing the lines before with the lines after would take more than 4,000,000 line pairs, those lines are shown removed, then added, even where some did not change. Download the fixed .eml to compare it in full.',
    fr: 'Ce diff est simplifié : là où comparer les lignes d\'avant à celles d\'après demanderait plus de 4 000 000 de paires de lignes, ces lignes sont montrées supprimées, puis ajoutées, même si certaines n\'ont pas changé. Téléchargez le .eml corrigé pour le comparer en entier.',
    es: 'Este diff está simplificado: donde comparar las líneas de antes con las de después requeriría más de 4.000.000 de pares de líneas, esas líneas se muestran eliminadas y luego añadidas, aunque algunas no hayan cambiado. Descargue el .eml corregido para compararlo completo.',
    pl: 'Ten diff jest uproszczony: tam, gdzie porównanie wierszy sprzed zmian z wierszami po zmianach wymagałoby ponad 4 000 000 par wierszy, wiersze te są pokazane jako usunięte, a potem dodane, nawet jeśli część z nich się nie zmieniła. Pobierz poprawiony plik .eml, aby porównać go w całości.',
  },
  // A compose or mail() box given more than views/lint-input.mjs BOX_MAX_CHARS.
  'page.lint.field-large': {
    en: 'A large text was put in this box: it is kept out of it so the page stays fast, and checked exactly as given. Typing in the box replaces it.',
    fr: 'Un long texte a été mis dans cette zone : il n\'y est pas affiché pour que la page reste rapide, et il est vérifié tel quel. Écrire dans la zone le remplace.',
    es: 'Se puso un texto largo en este cuadro: no se muestra en él para que la página siga siendo rápida, y se comprueba tal cual. Escribir en el cuadro lo reemplaza.',
    pl: 'W tym polu umieszczono długi tekst: nie jest w nim pokazywany, by strona działała szybko, i jest sprawdzany dokładnie w tej postaci. Pisanie w polu go zastępuje.',
  },
  // A mailbox export (lib/mbox.mjs): its first message is checked; the count follows `page.lint.mbox-count`.
  'page.lint.mbox': {
    en: 'This is a mailbox export (mbox) holding several messages: only the first one is checked. To check another, save it as its own .eml file.',
    fr: 'Ceci est un export de boîte aux lettres (mbox) qui contient plusieurs messages : seul le premier est vérifié. Pour en vérifier un autre, enregistrez-le dans son propre fichier .eml.',
    es: 'Esto es una exportación de buzón (mbox) que contiene varios mensajes: solo se comprueba el primero. Para comprobar otro, guárdelo en su propio archivo .eml.',
    pl: 'To eksport skrzynki (mbox) zawierający kilka wiadomości: sprawdzana jest tylko pierwsza. Aby sprawdzić inną, zapisz ją jako osobny plik .eml.',
  },
  'page.lint.mbox-count': {
    en: 'Messages in it:',
    fr: 'Messages qu\'il contient :',
    es: 'Mensajes que contiene:',
    pl: 'Liczba wiadomości:',
  },
  // The source view (lib/source.mjs): bytes that are not UTF-8, shown read in the charset their part declares.
  'page.source.legacy': {
    en: 'Underlined characters are bytes that are not UTF-8, shown as read in the charset their part declares (or that its header\'s encoded words name); the bytes themselves are unchanged.',
    fr: 'Les caractères soulignés sont des octets qui ne sont pas de l\'UTF-8, montrés lus dans le jeu de caractères que déclare leur partie (ou que nomment les mots encodés de son en-tête) ; les octets eux-mêmes ne sont pas modifiés.',
    es: 'Los caracteres subrayados son bytes que no son UTF-8, mostrados leídos en el juego de caracteres que declara su parte (o que nombran las palabras codificadas de su cabecera); los bytes en sí no cambian.',
    pl: 'Podkreślone znaki to bajty, które nie są w UTF-8, pokazane odczytane w zestawie znaków deklarowanym przez ich część (lub wskazanym przez słowa kodowane jej nagłówka); same bajty pozostają bez zmian.',
  },
  'page.source.legacy-title': {
    en: 'Raw bytes, not UTF-8, read in the charset:',
    fr: 'Octets bruts, pas de l\'UTF-8, lus dans le jeu de caractères :',
    es: 'Bytes sin procesar, no UTF-8, leídos en el juego de caracteres:',
    pl: 'Surowe bajty, nie UTF-8, odczytane w zestawie znaków:',
  },
};
