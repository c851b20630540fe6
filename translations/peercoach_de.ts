<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>Core</name>
    <message>
        <source>The key does not open this notebook (wrong key or code, or a damaged file).</source>
        <translation>Der Schlüssel öffnet dieses Notizbuch nicht (falscher Schlüssel oder Code oder eine beschädigte Datei).</translation>
    </message>
    <message>
        <source>This notebook was written by a newer PeerCoach Desktop (schema {version}; this version reads up to {current_version}). Update the app. The file was not changed.</source>
        <translation>Dieses Notizbuch wurde von einer neueren Version von PeerCoach Desktop geschrieben (Schema {version}; diese Version liest bis {current_version}). Aktualisieren Sie die App. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>This file is not a PeerCoach notebook. It was not changed.</source>
        <translation>Diese Datei ist kein PeerCoach-Notizbuch. Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>{what} must be a date like 2026-03-31, not {text!r}.</source>
        <translation>{what} muss ein Datum wie 2026-03-31 sein, nicht {text!r}.</translation>
    </message>
    <message>
        <source>{what} cannot be empty.</source>
        <translation>{what} darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A goal&apos;s title</source>
        <translation>Der Titel eines Ziels</translation>
    </message>
    <message>
        <source>A target date</source>
        <translation>Ein Zieldatum</translation>
    </message>
    <message>
        <source>Progress is a percentage from 0 to 100, not {value}.</source>
        <translation>Der Fortschritt ist ein Prozentwert von 0 bis 100, nicht {value}.</translation>
    </message>
    <message>
        <source>A goal has no field {name!r}.</source>
        <translation>Ein Ziel hat kein Feld {name!r}.</translation>
    </message>
    <message>
        <source>A turn lasts {min_turn_minutes} to {max_turn_minutes} minutes, not {minutes}.</source>
        <translation>Eine Runde dauert {min_turn_minutes} bis {max_turn_minutes} Minuten, nicht {minutes}.</translation>
    </message>
    <message>
        <source>A note&apos;s kind is one of {allowed}; not {kind!r}.</source>
        <translation>Die Art einer Notiz ist eine von {allowed}, nicht {kind!r}.</translation>
    </message>
    <message>
        <source>A note</source>
        <translation>Eine Notiz</translation>
    </message>
    <message>
        <source>A next step</source>
        <translation>Ein nächster Schritt</translation>
    </message>
    <message>
        <source>A due date</source>
        <translation>Ein Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>A next step has no field {name!r}.</source>
        <translation>Ein nächster Schritt hat kein Feld {name!r}.</translation>
    </message>
    <message>
        <source>A goal&apos;s status is one of {allowed}; not {status!r}.</source>
        <translation>Der Status eines Ziels ist einer von {allowed}, nicht {status!r}.</translation>
    </message>
    <message>
        <source>A meeting lasts {low} to {high} minutes, not {minutes}.</source>
        <translation>Ein Treffen dauert {low} bis {high} Minuten, nicht {minutes}.</translation>
    </message>
    <message>
        <source>A time must look like 2026-03-31T15:00, not {text!r}.</source>
        <translation>Eine Uhrzeit muss wie 2026-03-31T15:00 aussehen, nicht {text!r}.</translation>
    </message>
    <message>
        <source>{when} ({zone}) has already passed. Give a time still to come.</source>
        <translation>{when} ({zone}) ist schon vorbei. Bitte eine Zeit in der Zukunft angeben.</translation>
    </message>
    <message>
        <source>There is no planned meeting at {when}.</source>
        <translation>Um {when} ist kein Treffen geplant.</translation>
    </message>
    <message>
        <source>No meetings are planned yet.</source>
        <translation>Es sind noch keine Treffen geplant.</translation>
    </message>
    <message>
        <source>Install and unlock a Secret Service keyring (GNOME Keyring or KWallet) and try again, or create a passphrase-protected notebook with --passphrase.</source>
        <translation>Installieren und entsperren Sie einen Secret-Service-Schlüsselbund (GNOME Keyring oder KWallet) und versuchen Sie es erneut, oder legen Sie mit --passphrase ein durch eine Passphrase geschütztes Notizbuch an.</translation>
    </message>
    <message>
        <source>No usable OS keyring ({error_type}). {fix_hint}</source>
        <translation>Kein nutzbarer Schlüsselbund des Systems ({error_type}). {fix_hint}</translation>
    </message>
    <message>
        <source>The keyring backend {backend} would keep keys unprotected on disk. {fix_hint}</source>
        <translation>Das Schlüsselbund-Backend {backend} würde Schlüssel ungeschützt auf der Festplatte ablegen. {fix_hint}</translation>
    </message>
    <message>
        <source>The OS keyring could not {action} ({error_type}: {exc}). {fix_hint}</source>
        <translation>Der Schlüsselbund des Systems konnte {action} ({error_type}: {exc}). {fix_hint}</translation>
    </message>
    <message>
        <source>The keyring entry for this notebook is damaged (not a key).</source>
        <translation>Der Schlüsselbund-Eintrag dieses Notizbuchs ist beschädigt (kein Schlüssel).</translation>
    </message>
    <message>
        <source>read a notebook key</source>
        <translation>einen Notizbuch-Schlüssel nicht lesen</translation>
    </message>
    <message>
        <source>The key cannot be read without asking.</source>
        <translation>Der Schlüssel lässt sich nicht lesen, ohne nachzufragen.</translation>
    </message>
    <message>
        <source>store a notebook key</source>
        <translation>einen Notizbuch-Schlüssel nicht speichern</translation>
    </message>
    <message>
        <source>delete a notebook key</source>
        <translation>einen Notizbuch-Schlüssel nicht löschen</translation>
    </message>
    <message>
        <source>{file} was written by a newer PeerCoach Desktop.</source>
        <translation>{file} wurde von einer neueren Version von PeerCoach Desktop geschrieben.</translation>
    </message>
    <message>
        <source>The notebook descriptor {file} is damaged.</source>
        <translation>Die Notizbuch-Beschreibung {file} ist beschädigt.</translation>
    </message>
    <message>
        <source>This notebook is protected by a passphrase; give it with --passphrase-file.</source>
        <translation>Dieses Notizbuch ist durch eine Passphrase geschützt; geben Sie sie mit --passphrase-file an.</translation>
    </message>
    <message>
        <source>The keyring has no key for notebook {partnership}. Restore it with: peercoach recover {partnership} --code RECOVERY-CODE</source>
        <translation>Der Schlüsselbund enthält keinen Schlüssel für das Notizbuch {partnership}. Stellen Sie es wieder her mit: peercoach recover {partnership} --code WIEDERHERSTELLUNGSCODE</translation>
    </message>
    <message>
        <source>The notebook file {file} is missing.</source>
        <translation>Die Notizbuch-Datei {file} fehlt.</translation>
    </message>
    <message>
        <source>More than one partnership id starts with {ref!r}; give more of it.</source>
        <translation>Mehr als eine Partnerschafts-ID beginnt mit {ref!r}; geben Sie mehr davon an.</translation>
    </message>
    <message>
        <source>More than one partnership is called {ref!r}; use its id.</source>
        <translation>Mehr als eine Partnerschaft heißt {ref!r}; verwenden Sie ihre ID.</translation>
    </message>
    <message>
        <source>No partnership matches {ref!r}. See: peercoach list</source>
        <translation>Keine Partnerschaft passt zu {ref!r}. Siehe: peercoach list</translation>
    </message>
    <message>
        <source>{where}: &apos;{name}&apos; must be a non-empty text.</source>
        <translation>{where}: „{name}“ muss ein nicht leerer Text sein.</translation>
    </message>
    <message>
        <source>{folder}/{exc}</source>
        <translation>{folder}/{exc}</translation>
    </message>
    <message>
        <source>{where}: unknown field {unknown!r} (allowed: {allowed}).</source>
        <translation>{where}: unbekanntes Feld {unknown!r} (erlaubt: {allowed}).</translation>
    </message>
    <message>
        <source>{where}: &apos;{key}&apos; must be a table.</source>
        <translation>{where}: „{key}“ muss eine Tabelle sein.</translation>
    </message>
    <message>
        <source>{at}: needs exactly the fields {prompt_fields}.</source>
        <translation>{at}: braucht genau die Felder {prompt_fields}.</translation>
    </message>
    <message>
        <source>{where}: phases: the name for {english!r} must be a non-empty text.</source>
        <translation>{where}: phases: der Name für {english!r} muss ein nicht leerer Text sein.</translation>
    </message>
    <message>
        <source>{where}: prompt {prompt_id!r} is also in {other}.toml.</source>
        <translation>{where}: Impulsfrage {prompt_id!r} steht auch in {other}.toml.</translation>
    </message>
    <message>
        <source>invitation file</source>
        <translation>Einladungsdatei</translation>
    </message>
    <message>
        <source>A pairing passphrase needs at least {min_pairing_chars} characters.</source>
        <translation>Eine Passphrase für die Einladung braucht mindestens {min_pairing_chars} Zeichen.</translation>
    </message>
    <message>
        <source>This invitation was written by a newer PeerCoach Desktop. Update the app.</source>
        <translation>Diese Einladung wurde von einer neueren Version von PeerCoach Desktop geschrieben. Aktualisieren Sie die App.</translation>
    </message>
    <message>
        <source>This is not a PeerCoach {what}.</source>
        <translation>Dies ist keine {what} von PeerCoach.</translation>
    </message>
    <message>
        <source>This pairing passphrase does not open the invitation (or the file was changed). Check the passphrase with your partner and type it again. Nothing was changed.</source>
        <translation>Diese Kopplungs-Passphrase öffnet die Einladung nicht (oder die Datei wurde verändert). Prüfen Sie die Passphrase mit Ihrem Partner und geben Sie sie erneut ein. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>This {what} is damaged inside.</source>
        <translation>Diese {what} ist im Inneren beschädigt.</translation>
    </message>
    <message>
        <source>This invitation is for your partner&apos;s side of this partnership, not yours.</source>
        <translation>Diese Einladung ist für die Seite Ihres Partners in dieser Partnerschaft, nicht für Ihre.</translation>
    </message>
    <message>
        <source>A notebook passphrase needs at least {min_passphrase_chars} characters.</source>
        <translation>Eine Passphrase für ein Notizbuch braucht mindestens {min_passphrase_chars} Zeichen.</translation>
    </message>
    <message>
        <source>Unknown key derivation {algorithm!r}.</source>
        <translation>Unbekannte Schlüsselableitung {algorithm!r}.</translation>
    </message>
    <message>
        <source>{file}: &apos;category&apos; must be the file&apos;s name, {stem!r}.</source>
        <translation>{file}: „category“ muss der Name der Datei sein, {stem!r}.</translation>
    </message>
    <message>
        <source>{file} has no [[prompt]] entries.</source>
        <translation>{file} hat keine [[prompt]]-Einträge.</translation>
    </message>
    <message>
        <source>{where}: needs exactly the fields {fields}.</source>
        <translation>{where}: braucht genau die Felder {fields}.</translation>
    </message>
    <message>
        <source>{where}: every field must be non-empty text.</source>
        <translation>{where}: jedes Feld muss ein nicht leerer Text sein.</translation>
    </message>
    <message>
        <source>{where}: id {prompt_id!r} must be lower-case words with dashes.</source>
        <translation>{where}: die ID {prompt_id!r} muss aus kleingeschriebenen Wörtern mit Bindestrichen bestehen.</translation>
    </message>
    <message>
        <source>{where}: phase must be one of {prompt_phases}.</source>
        <translation>{where}: phase muss eines von {prompt_phases} sein.</translation>
    </message>
    <message>
        <source>{file}: id {prompt_id!r} is also used in {first}.</source>
        <translation>{file}: die ID {prompt_id!r} wird auch in {first} verwendet.</translation>
    </message>
    <message>
        <source>No prompt for the phase(s): {missing}.</source>
        <translation>Keine Impulsfrage für die Phase(n): {missing}.</translation>
    </message>
    <message>
        <source>A prompt cannot be empty.</source>
        <translation>Eine Impulsfrage darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A prompt&apos;s phase is one of {prompt_phases}.</source>
        <translation>Die Phase einer Impulsfrage ist eine von {prompt_phases}.</translation>
    </message>
    <message>
        <source>No such prompt.</source>
        <translation>Diese Impulsfrage gibt es nicht.</translation>
    </message>
    <message>
        <source>A recovery code has {expected} characters; this one has {length}.</source>
        <translation>Ein Wiederherstellungscode hat {expected} Zeichen; dieser hat {length}.</translation>
    </message>
    <message>
        <source>Character {position} of the recovery code is not valid.</source>
        <translation>Zeichen {position} des Wiederherstellungscodes ist ungültig.</translation>
    </message>
    <message>
        <source>The recovery code has a typo: its check characters do not match.</source>
        <translation>Der Wiederherstellungscode enthält einen Tippfehler: Seine Prüfzeichen stimmen nicht.</translation>
    </message>
    <message>
        <source>The notebook is open in another program (PeerCoach Desktop or another peercoach command); close it there and try again. Nothing was changed.</source>
        <translation>Das Notizbuch ist in einem anderen Programm geöffnet (PeerCoach Desktop oder ein anderer peercoach-Befehl); schließen Sie es dort und versuchen Sie es erneut. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>This notebook is protected by a passphrase; key rotation is for keyring notebooks. Run &apos;peercoach recover&apos; with its recovery code to move it to the keyring first.</source>
        <translation>Dieses Notizbuch ist durch eine Passphrase geschützt; ein Schlüsselwechsel ist für Notizbücher im Schlüsselbund gedacht. Führen Sie zuerst „peercoach recover“ mit seinem Wiederherstellungscode aus, um es in den Schlüsselbund zu übernehmen.</translation>
    </message>
    <message>
        <source>backup file</source>
        <translation>Sicherungsdatei</translation>
    </message>
    <message>
        <source>Partnership {partnership} already has a notebook here (last changed {here}); the backup was last changed {backup}. Nothing was changed. Restore it beside the current one with --beside, or replace the current one with --replace (which first keeps it, encrypted, in backups/replaced/).</source>
        <translation>Die Partnerschaft {partnership} hat hier bereits ein Notizbuch (zuletzt geändert {here}); die Sicherung wurde zuletzt {backup} geändert. Es wurde nichts verändert. Stellen Sie sie mit --beside neben dem aktuellen Notizbuch wieder her oder ersetzen Sie das aktuelle mit --replace (das es zuvor verschlüsselt in backups/replaced/ aufbewahrt).</translation>
    </message>
    <message>
        <source>Partnership {partnership} already has a notebook here (last changed {here}); the backup was last changed at an unknown time. Nothing was changed. Restore it beside the current one with --beside, or replace the current one with --replace (which first keeps it, encrypted, in backups/replaced/).</source>
        <translation>Die Partnerschaft {partnership} hat hier bereits ein Notizbuch (zuletzt geändert {here}); wann die Sicherung zuletzt geändert wurde, ist unbekannt. Es wurde nichts verändert. Stellen Sie sie mit --beside neben dem aktuellen Notizbuch wieder her oder ersetzen Sie das aktuelle mit --replace (das es zuvor verschlüsselt in backups/replaced/ aufbewahrt).</translation>
    </message>
    <message>
        <source>Partnership {partnership} already has a notebook here (its date unknown); the backup was last changed {backup}. Nothing was changed. Restore it beside the current one with --beside, or replace the current one with --replace (which first keeps it, encrypted, in backups/replaced/).</source>
        <translation>Die Partnerschaft {partnership} hat hier bereits ein Notizbuch (Datum unbekannt); die Sicherung wurde zuletzt {backup} geändert. Es wurde nichts verändert. Stellen Sie sie mit --beside neben dem aktuellen Notizbuch wieder her oder ersetzen Sie das aktuelle mit --replace (das es zuvor verschlüsselt in backups/replaced/ aufbewahrt).</translation>
    </message>
    <message>
        <source>Partnership {partnership} already has a notebook here (its date unknown); the backup was last changed at an unknown time. Nothing was changed. Restore it beside the current one with --beside, or replace the current one with --replace (which first keeps it, encrypted, in backups/replaced/).</source>
        <translation>Die Partnerschaft {partnership} hat hier bereits ein Notizbuch (Datum unbekannt); wann die Sicherung zuletzt geändert wurde, ist unbekannt. Es wurde nichts verändert. Stellen Sie sie mit --beside neben dem aktuellen Notizbuch wieder her oder ersetzen Sie das aktuelle mit --replace (das es zuvor verschlüsselt in backups/replaced/ aufbewahrt).</translation>
    </message>
    <message>
        <source>This recovery code does not open the backup (or the file is damaged). A backup made before a key change opens only with the code that was current when it was made.</source>
        <translation>Dieser Wiederherstellungscode öffnet die Sicherung nicht (oder die Datei ist beschädigt). Eine Sicherung von vor einem Schlüsselwechsel öffnet sich nur mit dem Code, der galt, als sie erstellt wurde.</translation>
    </message>
    <message>
        <source>The backup file is damaged; nothing was restored.</source>
        <translation>Die Sicherungsdatei ist beschädigt; es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>There is no backup file at {source}.</source>
        <translation>Unter {source} gibt es keine Sicherungsdatei.</translation>
    </message>
    <message>
        <source>The current notebook has unsaved journal data and its key is not in the keyring; restore beside it with --beside instead. Nothing was changed.</source>
        <translation>Das aktuelle Notizbuch hat nicht gespeicherte Journaldaten und sein Schlüssel ist nicht im Schlüsselbund; stellen Sie die Sicherung stattdessen mit --beside daneben wieder her. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>Meet every 1 to {max_cadence_weeks} weeks, not {every_weeks}.</source>
        <translation>Treffen Sie sich alle 1 bis {max_cadence_weeks} Wochen, nicht alle {every_weeks}.</translation>
    </message>
    <message>
        <source>This is not a PeerCoach {what} (or it is cut short). Nothing was changed.</source>
        <translation>Dies ist keine {what} von PeerCoach (oder sie ist abgeschnitten). Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>This {what} could not be opened: it was changed or cut short, or it was made with a different key. Nothing was changed.</source>
        <translation>Diese {what} ließ sich nicht öffnen: Sie wurde verändert oder abgeschnitten, oder sie wurde mit einem anderen Schlüssel erstellt. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>This {what} is damaged inside. Nothing was changed.</source>
        <translation>Diese {what} ist im Inneren beschädigt. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>Peer coaching ends with next steps: add at least one, or confirm ending without.</source>
        <translation>Peer-Coaching endet mit nächsten Schritten: Fügen Sie mindestens einen hinzu oder bestätigen Sie, dass Sie ohne beenden.</translation>
    </message>
    <message>
        <source>This session is not running any more.</source>
        <translation>Diese Sitzung läuft nicht mehr.</translation>
    </message>
    <message>
        <source>Feedback is given by one of the two peers.</source>
        <translation>Feedback gibt eine der beiden Personen der Partnerschaft.</translation>
    </message>
    <message>
        <source>Feedback needs at least one of situation, behaviour or impact.</source>
        <translation>Feedback braucht mindestens eines davon: Situation, Verhalten oder Wirkung.</translation>
    </message>
    <message>
        <source>A session has two different speakers.</source>
        <translation>Eine Sitzung hat zwei verschiedene sprechende Personen.</translation>
    </message>
    <message>
        <source>A session needs stages that last longer than zero seconds.</source>
        <translation>Eine Sitzung braucht Abschnitte, die länger als null Sekunden dauern.</translation>
    </message>
    <message>
        <source>The session has ended.</source>
        <translation>Die Sitzung ist beendet.</translation>
    </message>
    <message>
        <source>Only a talk stage can be extended.</source>
        <translation>Nur ein Gesprächsabschnitt kann verlängert werden.</translation>
    </message>
    <message>
        <source>A stage can be extended by up to 30 minutes in all.</source>
        <translation>Ein Abschnitt kann insgesamt um bis zu 30 Minuten verlängert werden.</translation>
    </message>
    <message>
        <source>This session has no such stage.</source>
        <translation>Diese Sitzung hat keinen solchen Abschnitt.</translation>
    </message>
    <message>
        <source>This session&apos;s timer was saved by another version of the app.</source>
        <translation>Die Uhr dieser Sitzung wurde von einer anderen Version der App gespeichert.</translation>
    </message>
    <message>
        <source>This session&apos;s saved timer is damaged.</source>
        <translation>Die gespeicherte Uhr dieser Sitzung ist beschädigt.</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Your partner&apos;s name</source>
        <translation>Der Name Ihres Partners</translation>
    </message>
    <message>
        <source>A notebook file with this id already exists.</source>
        <translation>Eine Notizbuch-Datei mit dieser ID gibt es bereits.</translation>
    </message>
    <message>
        <source>No {kind} with id {record_id}.</source>
        <translation>Kein Eintrag vom Typ „{kind}“ mit der ID {record_id}.</translation>
    </message>
    <message>
        <source>More than one {what} id starts with {ref!r}; give more characters.</source>
        <translation>Mehr als eine ID vom Typ „{what}“ beginnt mit {ref!r}; geben Sie mehr Zeichen an.</translation>
    </message>
    <message>
        <source>More than one {what} is called {ref!r}; use its id.</source>
        <translation>Mehr als ein Eintrag vom Typ „{what}“ heißt {ref!r}; verwenden Sie die ID.</translation>
    </message>
    <message>
        <source>No {what} matches {ref!r}.</source>
        <translation>Kein Eintrag vom Typ „{what}“ passt zu {ref!r}.</translation>
    </message>
    <message>
        <source>An owner is &apos;me&apos; or &apos;partner&apos;, not {who!r}.</source>
        <translation>Besitzer ist „me“ oder „partner“, nicht {who!r}.</translation>
    </message>
    <message>
        <source>No such earlier version of this record.</source>
        <translation>Diese frühere Version des Eintrags gibt es nicht.</translation>
    </message>
    <message>
        <source>No note, goal or next step with id {record_id}.</source>
        <translation>Keine Notiz, kein Ziel und kein nächster Schritt mit der ID {record_id}.</translation>
    </message>
    <message>
        <source>Give one session, or a date range (--since, --until), not both.</source>
        <translation>Geben Sie eine Sitzung oder einen Zeitraum an (--since, --until), nicht beides.</translation>
    </message>
    <message>
        <source>No session in that range: nothing to summarise.</source>
        <translation>Keine Sitzung in diesem Zeitraum: Es gibt nichts zusammenzufassen.</translation>
    </message>
    <message>
        <source>{what} takes a date like 2026-03-31, not {text!r}.</source>
        <translation>{what} erwartet ein Datum wie 2026-03-31, nicht {text!r}.</translation>
    </message>
    <message>
        <source>This notebook has no sync key yet: invite your partner (peercoach invite) or join theirs.</source>
        <translation>Dieses Notizbuch hat noch keinen Abgleichsschlüssel: Laden Sie Ihren Partner ein (peercoach invite) oder nehmen Sie seine Einladung an.</translation>
    </message>
    <message>
        <source>This is your own sync file; nothing to import.</source>
        <translation>Das ist Ihre eigene Sync-Datei; es gibt nichts zu importieren.</translation>
    </message>
    <message>
        <source>No notebook on this laptop belongs to this sync file&apos;s partnership.</source>
        <translation>Kein Notizbuch auf diesem Laptop gehört zur Partnerschaft dieser Abgleichsdatei.</translation>
    </message>
    <message>
        <source>Keep &apos;current&apos;, &apos;other&apos; or &apos;both&apos;, not {keep!r}.</source>
        <translation>Behalten Sie „current“, „other“ oder „both“, nicht {keep!r}.</translation>
    </message>
    <message>
        <source>No open conflict for this record.</source>
        <translation>Für diesen Eintrag gibt es keinen offenen Konflikt.</translation>
    </message>
    <message>
        <source>sync file</source>
        <translation>Abgleichsdatei</translation>
    </message>
    <message>
        <source>This {what} holds more records than PeerCoach ever writes ({limit}). Nothing was changed.</source>
        <translation>Diese {what} enthält mehr Einträge, als PeerCoach je schreibt ({limit}). Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>This sync file was written by a newer PeerCoach Desktop (format {found}; this version reads up to {format}). Update the app. Nothing was changed.</source>
        <translation>Diese Abgleichsdatei wurde von einer neueren Version von PeerCoach Desktop geschrieben (Format {found}; diese Version liest bis {format}). Aktualisieren Sie die App. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>This is not a PeerCoach {what}. Nothing was changed.</source>
        <translation>Dies ist keine {what} von PeerCoach. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>This sync file belongs to another partnership. Nothing was changed.</source>
        <translation>Diese Abgleichsdatei gehört zu einer anderen Partnerschaft. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>This is a conflict copy; resolve the conflict first (keep one version, or both).</source>
        <translation>Dies ist eine Konfliktkopie; lösen Sie zuerst den Konflikt (behalten Sie eine Version oder beide).</translation>
    </message>
    <message>
        <source>{where}: &apos;{field}&apos; must be a non-empty text.</source>
        <translation>{where}: „{field}“ muss ein nicht leerer Text sein.</translation>
    </message>
    <message>
        <source>{at} is not a table.</source>
        <translation>{at} ist keine Tabelle.</translation>
    </message>
    <message>
        <source>{at}: &apos;minutes&apos; must be a whole number from 1 to 60.</source>
        <translation>{at}: „minutes“ muss eine ganze Zahl von 1 bis 60 sein.</translation>
    </message>
    <message>
        <source>{at}: &apos;speaker&apos; must be one of {speakers}.</source>
        <translation>{at}: „speaker“ muss eines von {speakers} sein.</translation>
    </message>
    <message>
        <source>{at}: &apos;kind&apos; must be one of {kinds}.</source>
        <translation>{at}: „kind“ muss eines von {kinds} sein.</translation>
    </message>
    <message>
        <source>{at}: &apos;prompts&apos; must be a list of prompt categories.</source>
        <translation>{at}: „prompts“ muss eine Liste von Kategorien von Impulsfragen sein.</translation>
    </message>
    <message>
        <source>{at}: unknown prompt category {unknown!r}.</source>
        <translation>{at}: unbekannte Kategorie von Impulsfragen {unknown!r}.</translation>
    </message>
    <message>
        <source>{where}: a template needs at least one [[phase]].</source>
        <translation>{where}: Ein Protokoll braucht mindestens eine [[phase]].</translation>
    </message>
    <message>
        <source>{where}: a template has at most {max_phases} phases.</source>
        <translation>{where}: Ein Protokoll hat höchstens {max_phases} Phasen.</translation>
    </message>
    <message>
        <source>{where}: two phases are called {twice!r}; each needs its own name.</source>
        <translation>{where}: Zwei Phasen heißen {twice!r}; jede braucht einen eigenen Namen.</translation>
    </message>
    <message>
        <source>{where}: the check-in can only be the first phase.</source>
        <translation>{where}: Das Ankommen kann nur die erste Phase sein.</translation>
    </message>
    <message>
        <source>{where}: next steps can only be the last phase.</source>
        <translation>{where}: Die nächsten Schritte können nur die letzte Phase sein.</translation>
    </message>
    <message>
        <source>{where}: no talk phase gives either peer the floor (&apos;speaker&apos; a or b).</source>
        <translation>{where}: Keine Gesprächsphase gibt einer der beiden Personen das Wort („speaker“ a oder b).</translation>
    </message>
    <message>
        <source>{where}: &apos;id&apos; must be the file&apos;s name, {stem!r}.</source>
        <translation>{where}: „id“ muss der Name der Datei sein, {stem!r}.</translation>
    </message>
    <message>
        <source>resources/templates: two templates share an id.</source>
        <translation>resources/templates: Zwei Protokolle haben dieselbe ID.</translation>
    </message>
    <message>
        <source>That template is not in this notebook (it may have been deleted).</source>
        <translation>Dieses Protokoll ist nicht in diesem Notizbuch (vielleicht wurde es gelöscht).</translation>
    </message>
    <message>
        <source>Nothing in the trash has the id {record_id}.</source>
        <translation>Im Papierkorb hat nichts die ID {record_id}.</translation>
    </message>
    <message>
        <source>Nothing in this notebook has the id {record_id}.</source>
        <translation>In diesem Notizbuch hat nichts die ID {record_id}.</translation>
    </message>
    <message>
        <source>This has two versions from a sync (you both changed it): choose one in Partner ▸ Conflicts before deleting.</source>
        <translation>Hiervon gibt es zwei Versionen aus einem Abgleich (Sie haben es beide geändert): Wählen Sie vor dem Löschen eine unter Partner ▸ Konflikte.</translation>
    </message>
    <message>
        <source>This record was purged: its words are gone and it cannot come back.</source>
        <translation>Dieser Eintrag wurde endgültig gelöscht: Sein Text ist fort und er kann nicht zurückkommen.</translation>
    </message>
    <message>
        <source>This session holds no text of its own and no notes went with it.</source>
        <translation>Diese Sitzung enthält keinen eigenen Text und es wurden keine Notizen mit ihr gelöscht.</translation>
    </message>
    <message>
        <source>Protected by a passphrase: select it to unlock.</source>
        <translation>Durch eine Passphrase geschützt: Zum Entsperren auswählen.</translation>
    </message>
    <message>
        <source>This notebook is locked or closed.</source>
        <translation>Dieses Notizbuch ist gesperrt oder geschlossen.</translation>
    </message>
    <message>
        <source>The app&apos;s resource {path} is missing; reinstall PeerCoach Desktop.</source>
        <translation>Die Ressource {path} der App fehlt; installieren Sie PeerCoach Desktop neu.</translation>
    </message>
    <message>
        <source>There is no {what} at {path}.</source>
        <translation>Unter {path} gibt es keine {what}.</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a folder, device, pipe or a link to one), so it cannot be a {what}. Nothing was changed.</source>
        <translation>{path} ist keine gewöhnliche Datei (sondern ein Ordner, ein Gerät, eine Pipe oder ein Verweis darauf) und kann daher keine {what} sein. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>This {what} is larger than any PeerCoach {what} can be ({limit} MB); it was not read. Nothing was changed.</source>
        <translation>Diese {what} ist größer, als eine {what} von PeerCoach sein kann ({limit} MB); sie wurde nicht gelesen. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>The disk is full: this change was not saved, and everything saved before is intact. Free some space and try again.</source>
        <translation>Der Datenträger ist voll: Diese Änderung wurde nicht gespeichert, alles zuvor Gespeicherte ist unversehrt. Schaffen Sie Platz und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The disk reported a read or write error: this change was not saved. Check the disk and take a backup of your notebooks to another disk.</source>
        <translation>Der Datenträger meldete einen Lese- oder Schreibfehler: Diese Änderung wurde nicht gespeichert. Prüfen Sie den Datenträger und sichern Sie Ihre Notizbücher auf einen anderen Datenträger.</translation>
    </message>
    <message>
        <source>The file is damaged (a database page does not check out); nothing was changed. If it is a notebook, restore it from a backup with: peercoach restore-backup</source>
        <translation>Die Datei ist beschädigt (eine Datenbankseite ist fehlerhaft); es wurde nichts verändert. Ist es ein Notizbuch, stellen Sie es aus einer Sicherung wieder her mit: peercoach restore-backup</translation>
    </message>
    <message>
        <source>The file or its folder is read-only: this change was not saved. Nothing was lost.</source>
        <translation>Die Datei oder ihr Ordner ist schreibgeschützt: Diese Änderung wurde nicht gespeichert. Es ging nichts verloren.</translation>
    </message>
    <message>
        <source>This {what} holds a record that is not well-formed ({kind}, field {field}). Nothing was changed.</source>
        <translation>Diese {what} enthält einen fehlerhaft aufgebauten Eintrag ({kind}, Feld {field}). Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>This {what} holds a record written in someone else&apos;s name ({kind}, field {field}): only your partner&apos;s own changes are accepted. Nothing was changed.</source>
        <translation>Diese {what} enthält einen Eintrag, der im Namen einer anderen Person geschrieben wurde ({kind}, Feld {field}): Nur eigene Änderungen Ihres Partners werden übernommen. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>This {what} holds changes made in your name on another laptop. A partnership is kept on one laptop per partner: use it on that laptop only (to move it, restore a backup on the new one). Nothing was changed.</source>
        <translation>Diese {what} enthält Änderungen, die auf einem anderen Laptop in Ihrem Namen gemacht wurden. Eine Partnerschaft wird je Partner auf einem Laptop geführt: Nutzen Sie sie nur dort (zum Umziehen stellen Sie eine Sicherung auf dem neuen wieder her). Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The OS keyring did not give back a key it had just stored. {fix_hint}</source>
        <translation>Der Schlüsselbund des Betriebssystems gab einen soeben gespeicherten Schlüssel nicht zurück. {fix_hint}</translation>
    </message>
    <message>
        <source>{zone!r} is not a time zone; use a name like Europe/Berlin.</source>
        <translation>{zone!r} ist keine Zeitzone; bitte einen Namen wie Europe/Berlin verwenden.</translation>
    </message>
    <message>
        <source>{when} does not exist in {zone}: the clocks skip that hour. Pick another time.</source>
        <translation>{when} gibt es in {zone} nicht: Die Uhren überspringen diese Stunde. Bitte eine andere Zeit wählen.</translation>
    </message>
    <message>
        <source>The app&apos;s resource {path} is damaged; reinstall PeerCoach Desktop.</source>
        <translation>Die Ressource {path} der App ist beschädigt; installieren Sie PeerCoach Desktop neu.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>The roster is larger than {size} KiB; is it the right file?</source>
        <translation>Die Teilnehmerliste ist größer als {size} KiB – ist es die richtige Datei?</translation>
    </message>
    <message>
        <source>Line {line} of the roster is not text: is this a spreadsheet file?</source>
        <translation>Zeile {line} der Teilnehmerliste ist kein Text – ist das eine Tabellenkalkulationsdatei?</translation>
    </message>
    <message>
        <source>Line {line} of the roster is not UTF-8 text: save it as “CSV UTF-8” and try again.</source>
        <translation>Zeile {line} der Teilnehmerliste ist kein UTF-8-Text: Speichern Sie sie als „CSV UTF-8“ und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The roster is empty: give one participant per line.</source>
        <translation>Die Teilnehmerliste ist leer: Geben Sie eine Person pro Zeile an.</translation>
    </message>
    <message>
        <source>Line {line}: a workshop roster holds at most {most} participants.</source>
        <translation>Zeile {line}: Eine Workshop-Teilnehmerliste fasst höchstens {most} Personen.</translation>
    </message>
    <message>
        <source>Line {line} of the roster has a broken quote (&quot;).</source>
        <translation>Zeile {line} der Teilnehmerliste hat ein unvollständiges Anführungszeichen (&quot;).</translation>
    </message>
    <message>
        <source>Line {line}: the header has no {column} column. The roster needs a name and a unit (team or department) for each participant.</source>
        <translation>Zeile {line}: Die Kopfzeile hat keine Spalte „{column}“. Die Teilnehmerliste braucht für jede Person einen Namen und eine Einheit (Team oder Abteilung).</translation>
    </message>
    <message>
        <source>Line {line} has no {column}. Each participant needs a name and a unit (team or department), separated by a comma, semicolon or tab.</source>
        <translation>Zeile {line} hat keine Angabe „{column}“. Jede Person braucht einen Namen und eine Einheit (Team oder Abteilung), getrennt durch Komma, Semikolon oder Tabulator.</translation>
    </message>
    <message>
        <source>Line {line} is longer than {most} characters per cell.</source>
        <translation>Zeile {line} hat mehr als {most} Zeichen in einer Zelle.</translation>
    </message>
    <message>
        <source>Line {line}: {name} is already on line {first}; add an initial to tell them apart.</source>
        <translation>Zeile {line}: {name} steht schon in Zeile {first}; ergänzen Sie eine Initiale, um die beiden zu unterscheiden.</translation>
    </message>
    <message>
        <source>Mark at least two participants present to pair them.</source>
        <translation>Markieren Sie mindestens zwei Personen als anwesend, um Paare zu bilden.</translation>
    </message>
    <message>
        <source>Pair the participants first, then swap.</source>
        <translation>Bilden Sie zuerst Paare, dann können Sie tauschen.</translation>
    </message>
    <message>
        <source>{name} has no table in this round.</source>
        <translation>{name} hat in dieser Runde keinen Tisch.</translation>
    </message>
    <message>
        <source>This workshop has no round to finish.</source>
        <translation>Dieser Workshop hat keine Runde, die abgeschlossen werden könnte.</translation>
    </message>
    <message>
        <source>Pair the participants first, then record the report-out.</source>
        <translation>Bilden Sie zuerst Paare, dann können Sie den Austausch festhalten.</translation>
    </message>
    <message>
        <source>Counts in the report-out cannot be negative.</source>
        <translation>Zahlen im Austausch können nicht negativ sein.</translation>
    </message>
    <message>
        <source>Unknown report-out theme {theme!r}; use one of {known}.</source>
        <translation>Unbekanntes Thema des Austauschs {theme!r}; verwenden Sie eines von {known}.</translation>
    </message>
    <message>
        <source>This workshop has no pairs yet: nothing to summarise.</source>
        <translation>Dieser Workshop hat noch keine Paare: Es gibt nichts zusammenzufassen.</translation>
    </message>
    <message>
        <source>This file is not a PeerCoach workshop. It was not changed.</source>
        <translation>Diese Datei ist kein PeerCoach-Workshop. Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>This workshop was written by a newer PeerCoach Desktop. Update the app. The file was not changed.</source>
        <translation>Dieser Workshop wurde von einem neueren PeerCoach Desktop geschrieben. Aktualisieren Sie die App. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>No participant of this workshop matches {ref!r}.</source>
        <translation>Keine Person dieses Workshops passt zu {ref!r}.</translation>
    </message>
    <message>
        <source>Participant {number} needs a name and a unit.</source>
        <translation>Person {number} braucht einen Namen und eine Einheit.</translation>
    </message>
    <message>
        <source>Line {line}: {name} is already on this workshop&apos;s roster.</source>
        <translation>Zeile {line}: {name} steht schon auf der Teilnehmerliste dieses Workshops.</translation>
    </message>
    <message>
        <source>{name} is already on this workshop&apos;s roster; add an initial to tell them apart.</source>
        <translation>{name} steht schon auf der Teilnehmerliste dieses Workshops; ergänzen Sie eine Initiale, um die beiden zu unterscheiden.</translation>
    </message>
    <message>
        <source>A workshop needs a title.</source>
        <translation>Ein Workshop braucht einen Titel.</translation>
    </message>
    <message>
        <source>The keyring has no key for workshop {workshop}. Restore it with: peercoach workshop recover {workshop} --code RECOVERY-CODE</source>
        <translation>Der Schlüsselbund hat keinen Schlüssel für den Workshop {workshop}. Stellen Sie ihn wieder her mit: peercoach workshop recover {workshop} --code WIEDERHERSTELLUNGSCODE</translation>
    </message>
    <message>
        <source>More than one workshop id starts with {ref!r}; give more of it.</source>
        <translation>Mehr als eine Workshop-ID beginnt mit {ref!r}; geben Sie mehr davon an.</translation>
    </message>
    <message>
        <source>More than one workshop is called {ref!r}; use its id.</source>
        <translation>Mehr als ein Workshop heißt {ref!r}; verwenden Sie seine ID.</translation>
    </message>
    <message>
        <source>No workshop matches {ref!r}. See: peercoach workshop list</source>
        <translation>Kein Workshop passt zu {ref!r}. Siehe: peercoach workshop list</translation>
    </message>
    <message>
        <source>The sync folder {folder} does not exist or is not a folder.</source>
        <translation>Der Sync-Ordner {folder} existiert nicht oder ist kein Ordner.</translation>
    </message>
    <message>
        <source>This file could not be read: {reason}.</source>
        <translation>Diese Datei konnte nicht gelesen werden: {reason}.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>New partnership</source>
        <translation>Neue Partnerschaft</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Partner&apos;s name</source>
        <translation>Name des Partners</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>optional, e.g. Leadership circle</source>
        <translation>optional, z. B. Führungskreis</translation>
    </message>
    <message>
        <source>&amp;Your name</source>
        <translation>&amp;Ihr Name</translation>
    </message>
    <message>
        <source>&amp;Partner&apos;s name</source>
        <translation>Name des &amp;Partners</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>Protect with a &amp;passphrase instead of the keyring</source>
        <translation>Mit einer Pass&amp;phrase statt mit dem Schlüsselbund schützen</translation>
    </message>
    <message>
        <source>Protect with a passphrase instead of the keyring</source>
        <translation>Mit einer Passphrase statt mit dem Schlüsselbund schützen</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>P&amp;assphrase</source>
        <translation>Pa&amp;ssphrase</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Each partnership gets its own encrypted notebook on this laptop.</source>
        <translation>Jede Partnerschaft erhält ihr eigenes verschlüsseltes Notizbuch auf diesem Laptop.</translation>
    </message>
    <message>
        <source>The keyring is not available</source>
        <translation>Der Schlüsselbund ist nicht verfügbar</translation>
    </message>
    <message>
        <source>Passphrase hint</source>
        <translation>Hinweis zur Passphrase</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>A passphrase has at least {n} characters.</source>
        <translation>Eine Passphrase hat mindestens {n} Zeichen.</translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation>Ihr Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Wiederherstellungscode</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the recovery code</source>
        <translation>Wiederherstellungscode kopieren</translation>
    </message>
    <message>
        <source>I have &amp;stored it somewhere safe</source>
        <translation>Ich habe ihn &amp;sicher aufbewahrt</translation>
    </message>
    <message>
        <source>I have stored it somewhere safe</source>
        <translation>Ich habe ihn sicher aufbewahrt</translation>
    </message>
    <message>
        <source>This code opens the notebook on a new laptop or after the keyring is wiped.
It is shown only now. Write it down and keep it away from this laptop.</source>
        <translation>Dieser Code öffnet das Notizbuch auf einem neuen Laptop oder nachdem der Schlüsselbund gelöscht wurde.
Er wird nur jetzt angezeigt. Schreiben Sie ihn auf und bewahren Sie ihn getrennt von diesem Laptop auf.</translation>
    </message>
    <message>
        <source>Unlock notebook</source>
        <translation>Notizbuch entsperren</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>You can still keep this notebook encrypted: protect it with a passphrase that you type each time you unlock it. Nothing is written to disk unencrypted.</source>
        <translation>Sie können dieses Notizbuch trotzdem verschlüsselt führen: Schützen Sie es mit einer Passphrase, die Sie bei jedem Entsperren eingeben. Nichts wird unverschlüsselt auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>Without a secure keyring, use a passphrase-protected notebook (peercoach new --passphrase).</source>
        <translation>Ohne sicheren Schlüsselbund verwenden Sie ein mit Passphrase geschütztes Notizbuch (peercoach new --passphrase).</translation>
    </message>
    <message>
        <source>Something went wrong ({name}). Your notebook was not changed by this error.</source>
        <translation>Etwas ist schiefgegangen ({name}). Ihr Notizbuch wurde durch diesen Fehler nicht verändert.</translation>
    </message>
</context>
<context>
    <name>GoalsView</name>
    <message>
        <source>New goal</source>
        <translation>Neues Ziel</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>New &amp;goal</source>
        <translation>Neues Zie&amp;l</translation>
    </message>
    <message>
        <source>Goal title</source>
        <translation>Titel des Ziels</translation>
    </message>
    <message>
        <source>Whose goal</source>
        <translation>Wessen Ziel</translation>
    </message>
    <message>
        <source>Goal status</source>
        <translation>Status des Ziels</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Zieldatum</translation>
    </message>
    <message>
        <source>Progress in percent</source>
        <translation>Fortschritt in Prozent</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>Warum es wichtig ist</translation>
    </message>
    <message>
        <source>What success looks like</source>
        <translation>Woran man Erfolg erkennt</translation>
    </message>
    <message>
        <source>Linked next steps and notes</source>
        <translation>Verknüpfte nächste Schritte und Notizen</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>&amp;Verantwortlich</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>St&amp;atus</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>&amp;Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Why it matters</source>
        <translation>&amp;Warum es wichtig ist</translation>
    </message>
    <message>
        <source>S&amp;uccess looks like</source>
        <translation>Woran man Erfol&amp;g erkennt</translation>
    </message>
    <message>
        <source>Next steps ({n})</source>
        <translation>Nächste Schritte ({n})</translation>
    </message>
    <message>
        <source>{status}: </source>
        <translation>{status}: </translation>
    </message>
    <message>
        <source>Notes ({n})</source>
        <translation>Notizen ({n})</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>This version</source>
        <translation>Diese Version</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>Frühere Versionen</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Was sich geändert hat</translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation>Diese Version &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Diese Version wiederherstellen</translation>
    </message>
    <message>
        <source>No earlier versions: this is how it was first written.</source>
        <translation>Keine früheren Versionen: So wurde es ursprünglich geschrieben.</translation>
    </message>
</context>
<context>
    <name>Locking</name>
    <message>
        <source>{app} — locked</source>
        <translation>{app} — gesperrt</translation>
    </message>
</context>
<context>
    <name>MainFrame</name>
    <message>
        <source>&lt;h2&gt;Welcome to PeerCoach Desktop&lt;/h2&gt;&lt;p&gt;It keeps the goals, sessions, notes and next steps of each peer-coaching partnership in its own notebook on this laptop, encrypted with a key held by your system keyring.&lt;/p&gt;&lt;p&gt;Nothing is sent anywhere. Start with a new partnership (Ctrl+N).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Willkommen bei PeerCoach Desktop&lt;/h2&gt;&lt;p&gt;Die App bewahrt Ziele, Sitzungen, Notizen und nächste Schritte jeder Peer-Coaching-Partnerschaft in einem eigenen Notizbuch auf diesem Laptop auf, verschlüsselt mit einem Schlüssel aus dem Schlüsselbund Ihres Systems.&lt;/p&gt;&lt;p&gt;Nichts wird irgendwohin gesendet. Beginnen Sie mit einer neuen Partnerschaft (Strg+N).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Locked. Notebooks are closed; unlocking reads the keys from your keyring.</source>
        <translation>Gesperrt. Die Notizbücher sind geschlossen; beim Entsperren werden die Schlüssel aus Ihrem Schlüsselbund gelesen.</translation>
    </message>
    <message>
        <source>Partnerships</source>
        <translation>Partnerschaften</translation>
    </message>
    <message>
        <source>&amp;New partnership</source>
        <translation>Neue Partnerschaf&amp;t</translation>
    </message>
    <message>
        <source>New partnership</source>
        <translation>Neue Partnerschaft</translation>
    </message>
    <message>
        <source>&amp;Partnerships</source>
        <translation>P&amp;artnerschaften</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>[Locked] notebook {id}</source>
        <translation>[Gesperrt] Notizbuch {id}</translation>
    </message>
    <message>
        <source>next: {when}</source>
        <translation>nächstes Treffen: {when}</translation>
    </message>
    <message>
        <source>with {partner}</source>
        <translation>mit {partner}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Notebook</source>
        <translation>&amp;Notizbuch</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Partner</source>
        <translation>&amp;Partner</translation>
    </message>
    <message>
        <source>Still saving your notebook. Try closing again in a moment.</source>
        <translation>Ihr Notizbuch wird noch gespeichert. Versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>MeetingWords</name>
    <message>
        <source>{day} {date}, {time}</source>
        <translation>{day}, {date}, {time}</translation>
    </message>
    <message>
        <source>{day} {time}</source>
        <translation>{day} {time}</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <source>in {n} day</source>
        <translation>in {n} Tag</translation>
    </message>
    <message>
        <source>in {n} days</source>
        <translation>in {n} Tagen</translation>
    </message>
    <message>
        <source>in {n} week</source>
        <translation>in {n} Woche</translation>
    </message>
    <message>
        <source>in {n} weeks</source>
        <translation>in {n} Wochen</translation>
    </message>
    <message>
        <source>{moment}, {when}</source>
        <translation>{moment}, {when}</translation>
    </message>
</context>
<context>
    <name>MeetingsDialog</name>
    <message>
        <source>Plan meetings</source>
        <translation>Treffen planen</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation>Nächstes Treffen</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Every week or every few weeks</source>
        <translation>Jede Woche oder alle paar Wochen</translation>
    </message>
    <message>
        <source>Monthly, on the same weekday</source>
        <translation>Monatlich, am gleichen Wochentag</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Einmalig</translation>
    </message>
    <message>
        <source>Every how many weeks</source>
        <translation>Alle wie viele Wochen</translation>
    </message>
    <message>
        <source> week(s)</source>
        <translation> Woche(n)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>&amp;Save plan</source>
        <translation>Plan &amp;speichern</translation>
    </message>
    <message>
        <source>Coming meetings</source>
        <translation>Kommende Treffen</translation>
    </message>
    <message>
        <source>S&amp;kip this one</source>
        <translation>Dieses &amp;auslassen</translation>
    </message>
    <message>
        <source>Move it to</source>
        <translation>Verschieben auf</translation>
    </message>
    <message>
        <source>&amp;Move it</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <source>&amp;Export calendar…</source>
        <translation>Kalender &amp;exportieren…</translation>
    </message>
    <message>
        <source>Next meeting:</source>
        <translation>Nächstes Treffen:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Zeitzone:</translation>
    </message>
    <message>
        <source>Meetings stay at this time in this zone when the clocks change; your partner sees them in their own time.</source>
        <translation>Die Treffen bleiben bei der Zeitumstellung zu dieser Uhrzeit in dieser Zeitzone; Ihr Partner sieht sie in seiner eigenen Zeit.</translation>
    </message>
    <message>
        <source>or</source>
        <translation>oder</translation>
    </message>
    <message>
        <source>Coming meetings (your time):</source>
        <translation>Kommende Treffen (Ihre Zeit):</translation>
    </message>
    <message>
        <source> (one-off)</source>
        <translation> (einmalig)</translation>
    </message>
    <message>
        <source>No meetings planned.</source>
        <translation>Keine Treffen geplant.</translation>
    </message>
    <message>
        <source>Export the calendar</source>
        <translation>Kalender exportieren</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderdateien (*.ics)</translation>
    </message>
    <message>
        <source>Calendar saved to {path}. It holds no names and no notes.</source>
        <translation>Kalender gespeichert unter {path}. Er enthält keine Namen und keine Notizen.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;New partnership…</source>
        <translation>&amp;Neue Partnerschaft…</translation>
    </message>
    <message>
        <source>New &amp;workshop…</source>
        <translation>Neuer Wor&amp;kshop…</translation>
    </message>
    <message>
        <source>W&amp;orkshops…</source>
        <translation>W&amp;orkshops…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>Panic loc&amp;k (lock and hide)</source>
        <translation>Not&amp;fallsperre (sperren und ausblenden)</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>Sicherung jetzt &amp;anlegen…</translation>
    </message>
    <message>
        <source>Change the &amp;key…</source>
        <translation>Sch&amp;lüssel wechseln…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>New &amp;note</source>
        <translation>Neue &amp;Notiz</translation>
    </message>
    <message>
        <source>New &amp;goal</source>
        <translation>Neues &amp;Ziel</translation>
    </message>
    <message>
        <source>New next &amp;step</source>
        <translation>Neuer nächster &amp;Schritt</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>Su&amp;chen…</translation>
    </message>
    <message>
        <source>&amp;Run session</source>
        <translation>Sitzung &amp;durchführen</translation>
    </message>
    <message>
        <source>&amp;Undo delete or status change</source>
        <translation>&amp;Rückgängig: Löschen oder Statusänderung</translation>
    </message>
    <message>
        <source>&amp;Delete (to the trash)</source>
        <translation>&amp;Löschen (in den Papierkorb)</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>&amp;Papierkorb…</translation>
    </message>
    <message>
        <source>E&amp;xport a summary…</source>
        <translation>Zusammenfassung e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Plan &amp;meetings…</source>
        <translation>&amp;Treffen planen…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>Sicherung &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>&amp;History of this item…</source>
        <translation>&amp;Verlauf dieses Eintrags…</translation>
    </message>
    <message>
        <source>&amp;Invite partner…</source>
        <translation>Partner &amp;einladen…</translation>
    </message>
    <message>
        <source>&amp;Join a partnership…</source>
        <translation>Einer Partnerschaft &amp;beitreten…</translation>
    </message>
    <message>
        <source>&amp;Export for partner…</source>
        <translation>Für den Partner e&amp;xportieren…</translation>
    </message>
    <message>
        <source>I&amp;mport from partner…</source>
        <translation>Vom Partner &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Sync folder…</source>
        <translation>&amp;Sync-Ordner…</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Konflikte…</translation>
    </message>
</context>
<context>
    <name>NoteLinks</name>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>Reflexion</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Goal: {title}</source>
        <translation>Ziel: {title}</translation>
    </message>
    <message>
        <source>Session: {when}</source>
        <translation>Sitzung: {when}</translation>
    </message>
    <message>
        <source>Kind of note</source>
        <translation>Art der Notiz</translation>
    </message>
    <message>
        <source>Goal the note is about</source>
        <translation>Ziel, um das es in der Notiz geht</translation>
    </message>
    <message>
        <source>Session of the note</source>
        <translation>Sitzung der Notiz</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>&amp;About goal</source>
        <translation>Zu&amp;m Ziel</translation>
    </message>
    <message>
        <source>In s&amp;ession</source>
        <translation>In der Sit&amp;zung</translation>
    </message>
    <message>
        <source>All goals</source>
        <translation>Alle Ziele</translation>
    </message>
    <message>
        <source>No goal</source>
        <translation>Kein Ziel</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>Alle Sitzungen</translation>
    </message>
    <message>
        <source>No session</source>
        <translation>Keine Sitzung</translation>
    </message>
</context>
<context>
    <name>NotebookView</name>
    <message>
        <source>&amp;Run session</source>
        <translation>Sitzung &amp;durchführen</translation>
    </message>
    <message>
        <source>&amp;Goals</source>
        <translation>&amp;Ziele</translation>
    </message>
    <message>
        <source>Ne&amp;xt steps</source>
        <translation>Nächste &amp;Schritte</translation>
    </message>
    <message>
        <source>Sess&amp;ions</source>
        <translation>S&amp;itzungen</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fo&amp;rtschritt</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>Such&amp;e</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Übersic&amp;ht</translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <source>[Private] </source>
        <translation>[Privat] </translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Neue Notiz</translation>
    </message>
    <message>
        <source>(empty note)</source>
        <translation>(leere Notiz)</translation>
    </message>
    <message>
        <source>Copy kept from a conflict · {name}, {time}</source>
        <translation>Aus einem Konflikt behaltene Kopie · {name}, {time}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Text der Notiz</translation>
    </message>
    <message>
        <source>Select or create a note. It saves itself as you type.</source>
        <translation>Wählen Sie eine Notiz aus oder legen Sie eine an. Sie wird beim Tippen automatisch gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Private: only on this laptop, never shared</source>
        <translation>Pri&amp;vat: nur auf diesem Laptop, wird nie geteilt</translation>
    </message>
    <message>
        <source>Private note</source>
        <translation>Private Notiz</translation>
    </message>
    <message>
        <source>&amp;New note</source>
        <translation>Ne&amp;ue Notiz</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>{n}%</source>
        <translation>{n} %</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>No session is open.</source>
        <translation>Keine Sitzung ist offen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;A session is open&lt;/b&gt; since {when}: Run session (Ctrl+R) resumes it.</source>
        <translation>&lt;b&gt;Eine Sitzung ist offen&lt;/b&gt; seit {when}: Sitzung durchführen (Strg+R) setzt sie fort.</translation>
    </message>
    <message>
        <source>not planned yet</source>
        <translation>noch nicht geplant</translation>
    </message>
    <message>
        <source>{n} session</source>
        <translation>{n} Sitzung</translation>
    </message>
    <message>
        <source>{n} sessions</source>
        <translation>{n} Sitzungen</translation>
    </message>
    <message>
        <source>{n} note</source>
        <translation>{n} Notiz</translation>
    </message>
    <message>
        <source>{n} notes</source>
        <translation>{n} Notizen</translation>
    </message>
    <message>
        <source>With {partner}. Next meeting: &lt;b&gt;{meeting}&lt;/b&gt;.</source>
        <translation>Mit {partner}. Nächstes Treffen: &lt;b&gt;{meeting}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Open next steps ({n})</source>
        <translation>Offene nächste Schritte ({n})</translation>
    </message>
    <message>
        <source>, due {date}</source>
        <translation>, fällig am {date}</translation>
    </message>
    <message>
        <source> — &lt;b&gt;overdue&lt;/b&gt;</source>
        <translation> — &lt;b&gt;überfällig&lt;/b&gt;</translation>
    </message>
    <message>
        <source>… and {n} more in the Next steps tab</source>
        <translation>… und {n} weitere im Reiter „Nächste Schritte“</translation>
    </message>
    <message>
        <source>Follow-through (last sessions)</source>
        <translation>Umsetzung (letzte Sitzungen)</translation>
    </message>
    <message>
        <source>{name}: no next steps with a known outcome yet</source>
        <translation>{name}: noch keine nächsten Schritte mit bekanntem Ergebnis</translation>
    </message>
    <message>
        <source>, &lt;b&gt;{n} overdue&lt;/b&gt;</source>
        <translation>, &lt;b&gt;{n} überfällig&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{name}: {done} of {set} done ({rate}){late}</source>
        <translation>{name}: {done} von {set} erledigt ({rate}){late}</translation>
    </message>
    <message>
        <source>Active goals ({n})</source>
        <translation>Aktive Ziele ({n})</translation>
    </message>
    <message>
        <source>; {done} of {total} steps done</source>
        <translation>; {done} von {total} Schritten erledigt</translation>
    </message>
    <message>
        <source>, target {date}</source>
        <translation>, Zieldatum {date}</translation>
    </message>
</context>
<context>
    <name>PartnerDialogs</name>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Partnership</source>
        <translation>Partnerschaft</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Own prompt</source>
        <translation>Eigene Impulsfrage</translation>
    </message>
    <message>
        <source>Own protocol</source>
        <translation>Eigenes Protokoll</translation>
    </message>
    <message>
        <source>Pairing passphrase</source>
        <translation>Kopplungs-Passphrase</translation>
    </message>
    <message>
        <source>Repeat the pairing passphrase</source>
        <translation>Kopplungs-Passphrase wiederholen</translation>
    </message>
    <message>
        <source>Passphrase hint</source>
        <translation>Hinweis zur Passphrase</translation>
    </message>
    <message>
        <source>&amp;Pairing passphrase</source>
        <translation>&amp;Kopplungs-Passphrase</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>At least {n} characters.</source>
        <translation>Mindestens {n} Zeichen.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>{n} added</source>
        <translation>{n} hinzugefügt</translation>
    </message>
    <message>
        <source>{n} updated</source>
        <translation>{n} aktualisiert</translation>
    </message>
    <message>
        <source>{n} deleted</source>
        <translation>{n} gelöscht</translation>
    </message>
    <message>
        <source>{n} in conflict</source>
        <translation>{n} im Konflikt</translation>
    </message>
    <message>
        <source>{n} kept private here</source>
        <translation>{n} hier privat behalten</translation>
    </message>
    <message>
        <source>Import from your partner</source>
        <translation>Vom Partner importieren</translation>
    </message>
    <message>
        <source>File written by &lt;b&gt;{sender}&lt;/b&gt; on {when}.</source>
        <translation>Datei geschrieben von &lt;b&gt;{sender}&lt;/b&gt; am {when}.</translation>
    </message>
    <message>
        <source>Importing it will change this notebook: {counts}.</source>
        <translation>Der Import ändert dieses Notizbuch: {counts}.</translation>
    </message>
    <message>
        <source>Both of you edited some records: both versions are kept, for you to choose.</source>
        <translation>Sie haben beide einige Einträge bearbeitet: Beide Versionen bleiben erhalten, damit Sie wählen können.</translation>
    </message>
    <message>
        <source>Nothing new: this notebook already has everything in the file.</source>
        <translation>Nichts Neues: Dieses Notizbuch enthält bereits alles aus der Datei.</translation>
    </message>
    <message>
        <source>What the import changes</source>
        <translation>Was der Import ändert</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>(deleted on one laptop)</source>
        <translation>(auf einem Laptop gelöscht)</translation>
    </message>
    <message>
        <source>{text} ({status}, due {date})</source>
        <translation>{text} ({status}, fällig am {date})</translation>
    </message>
    <message>
        <source>Conflicts to resolve</source>
        <translation>Zu lösende Konflikte</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>The version in place</source>
        <translation>Die vorhandene Version</translation>
    </message>
    <message>
        <source>The other version</source>
        <translation>Die andere Version</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Geschrieben von</translation>
    </message>
    <message>
        <source>Keep the one in &amp;place</source>
        <translation>Die vorhandene &amp;behalten</translation>
    </message>
    <message>
        <source>Keep the &amp;other</source>
        <translation>Die &amp;andere behalten</translation>
    </message>
    <message>
        <source>Keep &amp;both</source>
        <translation>Bei&amp;de behalten</translation>
    </message>
    <message>
        <source>No conflicts: both laptops agree.</source>
        <translation>Keine Konflikte: Beide Laptops stimmen überein.</translation>
    </message>
    <message>
        <source>No conflicts so far: nothing from your partner has been imported yet, so there is nothing to compare.</source>
        <translation>Bisher keine Konflikte: Von Ihrem Partner wurde noch nichts importiert, es gibt also nichts zu vergleichen.</translation>
    </message>
</context>
<context>
    <name>PartnerSync</name>
    <message>
        <source>PeerCoach sync files (*.pcsync);;All files (*)</source>
        <translation>PeerCoach-Abgleichsdateien (*.pcsync);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>PeerCoach invitations (*.pcinvite);;All files (*)</source>
        <translation>PeerCoach-Einladungen (*.pcinvite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The invitation carries this partnership&apos;s shared notebook and its sync key, encrypted with a passphrase. Give your partner the file, and tell them the passphrase another way (in person or by phone), never in the same e-mail.</source>
        <translation>Die Einladung enthält das gemeinsame Notizbuch dieser Partnerschaft und seinen Abgleichsschlüssel, verschlüsselt mit einer Passphrase. Geben Sie Ihrem Partner die Datei und teilen Sie die Passphrase auf einem anderen Weg mit (persönlich oder am Telefon), nie in derselben E-Mail.</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Bitte warten</translation>
    </message>
    <message>
        <source>Invite your partner</source>
        <translation>Partner einladen</translation>
    </message>
    <message>
        <source>Save the invitation</source>
        <translation>Einladung speichern</translation>
    </message>
    <message>
        <source>Writing the invitation…</source>
        <translation>Einladung wird geschrieben…</translation>
    </message>
    <message>
        <source>Invitation saved to {path}. Your partner opens it with Partner ▸ Join.</source>
        <translation>Einladung gespeichert unter {path}. Ihr Partner öffnet sie mit Partner ▸ Einer Partnerschaft beitreten.</translation>
    </message>
    <message>
        <source>Open your partner&apos;s invitation</source>
        <translation>Einladung Ihres Partners öffnen</translation>
    </message>
    <message>
        <source>Join a partnership</source>
        <translation>Einer Partnerschaft beitreten</translation>
    </message>
    <message>
        <source>Type the pairing passphrase your partner told you.</source>
        <translation>Geben Sie die Kopplungs-Passphrase ein, die Ihr Partner Ihnen genannt hat.</translation>
    </message>
    <message>
        <source>This partnership was already here; it now uses the invitation&apos;s sync key.</source>
        <translation>Diese Partnerschaft war bereits vorhanden; sie verwendet jetzt den Abgleichsschlüssel der Einladung.</translation>
    </message>
    <message>
        <source>Opening the invitation…</source>
        <translation>Einladung wird geöffnet…</translation>
    </message>
    <message>
        <source>Export for your partner</source>
        <translation>Für Ihren Partner exportieren</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Exported {n} shared record to {path}. Private notes stay here.</source>
        <translation>{n} gemeinsamer Eintrag nach {path} exportiert. Private Notizen bleiben hier.</translation>
    </message>
    <message>
        <source>Exported {n} shared records to {path}. Private notes stay here.</source>
        <translation>{n} gemeinsame Einträge nach {path} exportiert. Private Notizen bleiben hier.</translation>
    </message>
    <message>
        <source>Import your partner&apos;s file</source>
        <translation>Datei Ihres Partners importieren</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Datei wird gelesen…</translation>
    </message>
    <message>
        <source>Imported: {counts}.</source>
        <translation>Importiert: {counts}.</translation>
    </message>
    <message>
        <source>Partner ▸ Conflicts shows both versions of what you both changed.</source>
        <translation>Partner ▸ Konflikte zeigt beide Versionen dessen, was Sie beide geändert haben.</translation>
    </message>
</context>
<context>
    <name>PartnershipFlow</name>
    <message>
        <source>A notebook was created (or its key changed) while the window was locked, so its recovery code was not shown. Get a new one with Notebook ▸ Change the key.</source>
        <translation>Ein Notizbuch wurde angelegt (oder sein Schlüssel gewechselt), während das Fenster gesperrt war, daher wurde sein Wiederherstellungscode nicht angezeigt. Einen neuen erhalten Sie mit Notizbuch ▸ Schlüssel wechseln.</translation>
    </message>
    <message>
        <source>Passphrase for notebook {id}:</source>
        <translation>Passphrase für Notizbuch {id}:</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Default turn length in minutes</source>
        <translation>Standard-Redezeit in Minuten</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Sperren nach Minuten ohne Eingabe</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie im System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>the standard folder for app data</source>
        <translation>der Standardordner für App-Daten</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Dur&amp;chsuchen…</translation>
    </message>
    <message>
        <source>Choose data folder</source>
        <translation>Datenordner wählen</translation>
    </message>
    <message>
        <source>Panic lock shortcut</source>
        <translation>Tastenkürzel für die Notfallsperre</translation>
    </message>
    <message>
        <source>&amp;Clear text copied from a notebook when it locks</source>
        <translation>Kopierten Notizbuch-Text beim Sperren &amp;löschen</translation>
    </message>
    <message>
        <source>New notes are p&amp;rivate until I share them</source>
        <translation>Neue Notizen sind p&amp;rivat, bis ich sie teile</translation>
    </message>
    <message>
        <source>Earlier versions kept per item</source>
        <translation>Aufbewahrte frühere Versionen pro Eintrag</translation>
    </message>
    <message>
        <source>Keep earlier versions for days</source>
        <translation>Frühere Versionen so viele Tage aufbewahren</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>&amp;Remind me before meetings and of due steps</source>
        <translation>&amp;Erinnern vor Treffen und an fällige Schritte</translation>
    </message>
    <message>
        <source>Remind minutes before a meeting</source>
        <translation>Erinnerung Minuten vor einem Treffen</translation>
    </message>
    <message>
        <source> min before</source>
        <translation> Min. vorher</translation>
    </message>
    <message>
        <source>Calendar reminder, minutes before</source>
        <translation>Kalender-Erinnerung, Minuten vorher</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Default &amp;turn length</source>
        <translation>Standard-&amp;Redezeit</translation>
    </message>
    <message>
        <source>&amp;Lock after idle</source>
        <translation>&amp;Sperren nach Leerlauf</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>Spr&amp;ache</translation>
    </message>
    <message>
        <source>Pa&amp;nic lock (locks and hides)</source>
        <translation>&amp;Notfallsperre (sperrt und blendet aus)</translation>
    </message>
    <message>
        <source>Meeting rem&amp;inder</source>
        <translation>Treffen-Erinnerun&amp;g</translation>
    </message>
    <message>
        <source>Reminder in e&amp;xported calendars</source>
        <translation>Erinnerung in e&amp;xportierten Kalendern</translation>
    </message>
    <message>
        <source>Earlier &amp;versions kept</source>
        <translation>Frühere &amp;Versionen behalten</translation>
    </message>
    <message>
        <source>…for at &amp;most</source>
        <translation>…für &amp;höchstens</translation>
    </message>
    <message>
        <source>&amp;Data folder</source>
        <translation>&amp;Datenordner</translation>
    </message>
    <message>
        <source>A new language or data folder is used from the next start; notebooks are not moved.</source>
        <translation>Eine neue Sprache oder ein neuer Datenordner gilt ab dem nächsten Start; Notizbücher werden nicht verschoben.</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Talk-time chart</source>
        <translation>Diagramm der Redezeit</translation>
    </message>
    <message>
        <source>Talk time: each peer&apos;s share per month</source>
        <translation>Redezeit: Anteil jeder Person pro Monat</translation>
    </message>
    <message>
        <source>Follow-through: next steps done of those set, per month</source>
        <translation>Umsetzung: erledigte von vereinbarten nächsten Schritten, pro Monat</translation>
    </message>
    <message>
        <source>Follow-through chart</source>
        <translation>Diagramm der Umsetzung</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Monate</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Goal changes</source>
        <translation>Änderungen an Zielen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>How the partnership has gone: meetings, follow-through, talk time, goals.</source>
        <translation>Wie die Partnerschaft verlaufen ist: Treffen, Umsetzung, Redezeit, Ziele.</translation>
    </message>
    <message>
        <source>{name}: done/set</source>
        <translation>{name}: erledigt/vereinbart</translation>
    </message>
    <message>
        <source>{name} spoke</source>
        <translation>{name} sprach</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Abgehalten</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Talk time per month: see the table of months below.</source>
        <translation>Redezeit pro Monat: siehe die Monatstabelle unten.</translation>
    </message>
    <message>
        <source>Follow-through per month: see the table of months below.</source>
        <translation>Umsetzung pro Monat: siehe die Monatstabelle unten.</translation>
    </message>
    <message>
        <source>No data yet.</source>
        <translation>Noch keine Daten.</translation>
    </message>
    <message>
        <source>{month}, {name}: {value}</source>
        <translation>{month}, {name}: {value}</translation>
    </message>
</context>
<context>
    <name>ProtocolsDialog</name>
    <message>
        <source>Check-in (review last steps)</source>
        <translation>Ankommen (letzte Schritte prüfen)</translation>
    </message>
    <message>
        <source>Talk (timed, with cues)</source>
        <translation>Gespräch (mit Zeit und Signalen)</translation>
    </message>
    <message>
        <source>Feedback on the coaching</source>
        <translation>Feedback zum Coaching</translation>
    </message>
    <message>
        <source>Next steps (ends the session)</source>
        <translation>Nächste Schritte (beendet die Sitzung)</translation>
    </message>
    <message>
        <source>First speaker</source>
        <translation>Erste sprechende Person</translation>
    </message>
    <message>
        <source>Second speaker</source>
        <translation>Zweite sprechende Person</translation>
    </message>
    <message>
        <source>Both peers</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>{name} ({minutes} min) — {who}</source>
        <translation>{name} ({minutes} Min.) — {who}</translation>
    </message>
    <message>
        <source>check-in first</source>
        <translation>zuerst Ankommen</translation>
    </message>
    <message>
        <source>then next steps</source>
        <translation>danach nächste Schritte</translation>
    </message>
    <message>
        <source>{description} ({minutes} min: {phases})</source>
        <translation>{description} ({minutes} Min.: {phases})</translation>
    </message>
    <message>
        <source>The protocol needs a name.</source>
        <translation>Das Protokoll braucht einen Namen.</translation>
    </message>
    <message>
        <source>Every phase needs a name.</source>
        <translation>Jede Phase braucht einen Namen.</translation>
    </message>
    <message>
        <source>Two phases are called “{name}”: each needs its own name.</source>
        <translation>Zwei Phasen heißen „{name}“: Jede braucht einen eigenen Namen.</translation>
    </message>
    <message>
        <source>The check-in can only be the first phase.</source>
        <translation>Das Ankommen kann nur die erste Phase sein.</translation>
    </message>
    <message>
        <source>Next steps can only be the last phase.</source>
        <translation>Nächste Schritte können nur die letzte Phase sein.</translation>
    </message>
    <message>
        <source>At least one talk phase needs a speaker (first or second).</source>
        <translation>Mindestens eine Gesprächsphase braucht eine sprechende Person (erste oder zweite).</translation>
    </message>
    <message>
        <source>A protocol has at most {n} phases.</source>
        <translation>Ein Protokoll hat höchstens {n} Phasen.</translation>
    </message>
    <message>
        <source>Selected phase</source>
        <translation>Ausgewählte Phase</translation>
    </message>
    <message>
        <source>Phase name</source>
        <translation>Name der Phase</translation>
    </message>
    <message>
        <source>What the phase is for</source>
        <translation>Wofür die Phase da ist</translation>
    </message>
    <message>
        <source>Who speaks</source>
        <translation>Wer spricht</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>Wh&amp;o speaks</source>
        <translation>&amp;Wer spricht</translation>
    </message>
    <message>
        <source>M&amp;inutes</source>
        <translation>M&amp;inuten</translation>
    </message>
    <message>
        <source>Session protocols</source>
        <translation>Sitzungsprotokolle</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the protocol to edit it</source>
        <translation>Das Protokoll kopieren, um es zu bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete your protocol</source>
        <translation>Ihr Protokoll löschen</translation>
    </message>
    <message>
        <source>About this protocol</source>
        <translation>Über dieses Protokoll</translation>
    </message>
    <message>
        <source>Protocol name</source>
        <translation>Name des Protokolls</translation>
    </message>
    <message>
        <source>Protocol description</source>
        <translation>Beschreibung des Protokolls</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Phasen</translation>
    </message>
    <message>
        <source>&amp;Add phase</source>
        <translation>Phase &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add a phase after the selected one</source>
        <translation>Eine Phase nach der ausgewählten hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove phase</source>
        <translation>Phase &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove the selected phase</source>
        <translation>Die ausgewählte Phase entfernen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move the selected phase earlier</source>
        <translation>Die ausgewählte Phase nach vorn verschieben</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Move the selected phase later</source>
        <translation>Die ausgewählte Phase nach hinten verschieben</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the protocol</source>
        <translation>Das Protokoll speichern</translation>
    </message>
    <message>
        <source>Protocol status</source>
        <translation>Status des Protokolls</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>Descri&amp;ption</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>P&amp;hases</source>
        <translation>&amp;Phasen</translation>
    </message>
    <message>
        <source>{name} (yours)</source>
        <translation>{name} (eigenes)</translation>
    </message>
    <message>
        <source>{name} (built in)</source>
        <translation>{name} (mitgeliefert)</translation>
    </message>
    <message>
        <source>Not usable: {problems}</source>
        <translation>Nicht nutzbar: {problems}</translation>
    </message>
    <message>
        <source>Built-in protocols stay as they are: copy one to change it.</source>
        <translation>Mitgelieferte Protokolle bleiben, wie sie sind: Kopieren Sie eines, um es zu ändern.</translation>
    </message>
    <message>
        <source>Phase {n}</source>
        <translation>Phase {n}</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (Kopie)</translation>
    </message>
    <message>
        <source>Copied: you can edit the copy.</source>
        <translation>Kopiert: Sie können die Kopie bearbeiten.</translation>
    </message>
    <message>
        <source>Delete the protocol “{name}”? It is deleted on your partner&apos;s laptop too after the next sync.</source>
        <translation>Das Protokoll „{name}“ löschen? Nach dem nächsten Abgleich ist es auch auf dem Laptop Ihres Gegenübers gelöscht.</translation>
    </message>
    <message>
        <source>Delete protocol</source>
        <translation>Protokoll löschen</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Gelöscht.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>A meeting starts in {n} minute.</source>
        <translation>Ein Treffen beginnt in {n} Minute.</translation>
    </message>
    <message>
        <source>A meeting starts in {n} minutes.</source>
        <translation>Ein Treffen beginnt in {n} Minuten.</translation>
    </message>
    <message>
        <source>{n} of your next steps is due today or overdue.</source>
        <translation>{n} Ihrer nächsten Schritte ist heute fällig oder überfällig.</translation>
    </message>
    <message>
        <source>{n} of your next steps are due today or overdue.</source>
        <translation>{n} Ihrer nächsten Schritte sind heute fällig oder überfällig.</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>Themes the room voiced</source>
        <translation>Themen aus dem Plenum</translation>
    </message>
    <message>
        <source>What the room said in the report-out (no one&apos;s topic).</source>
        <translation>Was im Plenum gesagt wurde (nicht die Themen einzelner Personen).</translation>
    </message>
    <message>
        <source>“My problem was not unique”</source>
        <translation>„Mein Problem war nicht einzigartig“</translation>
    </message>
    <message>
        <source>“15 focused minutes got me far”</source>
        <translation>„15 konzentrierte Minuten haben mich weit gebracht“</translation>
    </message>
    <message>
        <source>“We are already almost doing it”</source>
        <translation>„Wir machen das eigentlich schon fast“</translation>
    </message>
    <message>
        <source>Want to continue as partners</source>
        <translation>Wollen als Partner weitermachen</translation>
    </message>
    <message>
        <source>Sa&amp;ve the report-out</source>
        <translation>Austausch &amp;speichern</translation>
    </message>
    <message>
        <source>Su&amp;mmary and pair cards…</source>
        <translation>&amp;Zusammenfassung und Paarkarten…</translation>
    </message>
    <message>
        <source>Workshop summary</source>
        <translation>Zusammenfassung des Workshops</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Save the &amp;summary…</source>
        <translation>&amp;Zusammenfassung speichern…</translation>
    </message>
    <message>
        <source>Save the pair &amp;cards…</source>
        <translation>Paar&amp;karten speichern…</translation>
    </message>
    <message>
        <source>&amp;Preview the cards</source>
        <translation>Karten in der &amp;Vorschau</translation>
    </message>
    <message>
        <source>Save as Markdown or PDF</source>
        <translation>Als Markdown oder PDF speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Markdown (*.md)</source>
        <translation>PDF (*.pdf);;Markdown (*.md)</translation>
    </message>
</context>
<context>
    <name>RoomView</name>
    <message>
        <source>Workshop room view</source>
        <translation>Raumansicht des Workshops</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>{name} · {minutes} min</source>
        <translation>{name} · {minutes} Min.</translation>
    </message>
    <message>
        <source>Current phase</source>
        <translation>Aktuelle Phase</translation>
    </message>
    <message>
        <source>Shared timer</source>
        <translation>Gemeinsame Uhr</translation>
    </message>
    <message>
        <source>Timer cue</source>
        <translation>Hinweis der Uhr</translation>
    </message>
    <message>
        <source>What to do now</source>
        <translation>Was jetzt zu tun ist</translation>
    </message>
    <message>
        <source>{number}  {names}</source>
        <translation>{number}  {names}</translation>
    </message>
    <message>
        <source>(three: {minutes} min each)</source>
        <translation>(zu dritt: je {minutes} Min.)</translation>
    </message>
    <message>
        <source>Table {number}</source>
        <translation>Tisch {number}</translation>
    </message>
    <message>
        <source>Start or pause the timer</source>
        <translation>Uhr starten oder anhalten</translation>
    </message>
    <message>
        <source>Next phase (Ctrl+→)</source>
        <translation>Nächste Phase (Strg+→)</translation>
    </message>
    <message>
        <source>Next phase</source>
        <translation>Nächste Phase</translation>
    </message>
    <message>
        <source>Full screen (F11)</source>
        <translation>Vollbild (F11)</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>{number}/{count}  {name}</source>
        <translation>{number}/{count}  {name}</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>noch {time}</translation>
    </message>
    <message>
        <source>{time} over time</source>
        <translation>{time} über der Zeit</translation>
    </message>
    <message>
        <source>of {time}</source>
        <translation>von {time}</translation>
    </message>
    <message>
        <source>of {time} — paused</source>
        <translation>von {time} – angehalten</translation>
    </message>
    <message>
        <source>Time is up — overtime is counted; move on when the room is ready.</source>
        <translation>Die Zeit ist um – die Überzeit wird gezählt; weiter, wenn der Raum so weit ist.</translation>
    </message>
    <message>
        <source>Two minutes left.</source>
        <translation>Noch zwei Minuten.</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Leertaste)</translation>
    </message>
    <message>
        <source>Start (Space)</source>
        <translation>Start (Leertaste)</translation>
    </message>
</context>
<context>
    <name>SafetyActions</name>
    <message>
        <source>PeerCoach notebooks (*.pcnb);;All files (*)</source>
        <translation>PeerCoach-Notizbücher (*.pcnb);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>This backup is of a notebook that is already on this laptop. Nothing has been changed yet.</source>
        <translation>Diese Sicherung stammt von einem Notizbuch, das bereits auf diesem Laptop ist. Bisher wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Replace: the notebook here becomes the backup; the one here is first kept, encrypted, in the data folder&apos;s backups/replaced.
Keep both: the backup is restored beside it, as a separate notebook with its own ids.
Cancel: nothing is restored.</source>
        <translation>Ersetzen: Das Notizbuch hier wird zur Sicherung; das vorhandene wird zuvor verschlüsselt im Ordner backups/replaced des Datenordners aufbewahrt.
Beide behalten: Die Sicherung wird daneben wiederhergestellt, als separates Notizbuch mit eigenen IDs.
Abbrechen: Es wird nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>A backup was restored while the window was locked.</source>
        <translation>Eine Sicherung wurde wiederhergestellt, während das Fenster gesperrt war.</translation>
    </message>
    <message>
        <source>Change this notebook&apos;s key? The notebook is re-encrypted with a new random key and you get a new recovery code: the old key and the old code stop opening it. Backups made before today still open only with the old code.</source>
        <translation>Den Schlüssel dieses Notizbuchs wechseln? Das Notizbuch wird mit einem neuen Zufallsschlüssel neu verschlüsselt und Sie erhalten einen neuen Wiederherstellungscode: Der alte Schlüssel und der alte Code öffnen es nicht mehr. Sicherungen von vor heute lassen sich weiterhin nur mit dem alten Code öffnen.</translation>
    </message>
    <message>
        <source>Save an encrypted backup</source>
        <translation>Verschlüsselte Sicherung speichern</translation>
    </message>
    <message>
        <source>Backup saved to {path}. It is encrypted: your recovery code opens it on any laptop.</source>
        <translation>Sicherung gespeichert unter {path}. Sie ist verschlüsselt: Ihr Wiederherstellungscode öffnet sie auf jedem Laptop.</translation>
    </message>
    <message>
        <source>Change the key</source>
        <translation>Schlüssel wechseln</translation>
    </message>
    <message>
        <source>{n} older backup still opens only with the OLD recovery code.</source>
        <translation>{n} ältere Sicherung lässt sich nur mit dem ALTEN Wiederherstellungscode öffnen.</translation>
    </message>
    <message>
        <source>{n} older backups still open only with the OLD recovery code.</source>
        <translation>{n} ältere Sicherungen lassen sich nur mit dem ALTEN Wiederherstellungscode öffnen.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Wiederherstellungscode</translation>
    </message>
    <message>
        <source>XXXX-XXXX-… (as written down when the notebook was made)</source>
        <translation>XXXX-XXXX-… (wie beim Anlegen des Notizbuchs notiert)</translation>
    </message>
    <message>
        <source>The backup opens with its notebook&apos;s recovery code:</source>
        <translation>Die Sicherung öffnet sich mit dem Wiederherstellungscode ihres Notizbuchs:</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>Keep &amp;both</source>
        <translation>Bei&amp;de behalten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Restored beside the notebook that was here, as “{title}”.</source>
        <translation>Neben dem vorhandenen Notizbuch wiederhergestellt, als „{title}“.</translation>
    </message>
    <message>
        <source>Restored. The notebook it replaced is kept, encrypted, in {path}.</source>
        <translation>Wiederhergestellt. Das ersetzte Notizbuch wird verschlüsselt in {path} aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>Search this notebook</source>
        <translation>Dieses Notizbuch durchsuchen</translation>
    </message>
    <message>
        <source>Search notes, goals and next steps</source>
        <translation>Notizen, Ziele und nächste Schritte durchsuchen</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>No matches.</source>
        <translation>Keine Treffer.</translation>
    </message>
</context>
<context>
    <name>SessionPages</name>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Check-in:&lt;/b&gt; how did last time&apos;s next steps go?</source>
        <translation>&lt;b&gt;Ankommen:&lt;/b&gt; Wie liefen die nächsten Schritte vom letzten Mal?</translation>
    </message>
    <message>
        <source>{done} of {set} ({percent})</source>
        <translation>{done} von {set} ({percent})</translation>
    </message>
    <message>
        <source>Follow-through, last sessions: {rates}</source>
        <translation>Umsetzung, letzte Sitzungen: {rates}</translation>
    </message>
    <message>
        <source>No open next steps from earlier sessions.</source>
        <translation>Keine offenen nächsten Schritte aus früheren Sitzungen.</translation>
    </message>
    <message>
        <source>, due {date}</source>
        <translation>, fällig {date}</translation>
    </message>
    <message>
        <source>Overdue: </source>
        <translation>Überfällig: </translation>
    </message>
    <message>
        <source>Mark step {n}: {outcome}</source>
        <translation>Schritt {n} markieren: {outcome}</translation>
    </message>
    <message>
        <source>Who speaks and who coaches</source>
        <translation>Wer spricht und wer coacht</translation>
    </message>
    <message>
        <source>Time left in this phase</source>
        <translation>Verbleibende Zeit in dieser Phase</translation>
    </message>
    <message>
        <source>Time cue</source>
        <translation>Zeitsignal</translation>
    </message>
    <message>
        <source>Start (Space)</source>
        <translation>Start (Leertaste)</translation>
    </message>
    <message>
        <source>Start or pause the clock</source>
        <translation>Uhr starten oder anhalten</translation>
    </message>
    <message>
        <source>+1 min (+)</source>
        <translation>+1 Min. (+)</translation>
    </message>
    <message>
        <source>Extend this phase by one minute</source>
        <translation>Diese Phase um eine Minute verlängern</translation>
    </message>
    <message>
        <source>+5 min</source>
        <translation>+5 Min.</translation>
    </message>
    <message>
        <source>Extend this phase by five minutes</source>
        <translation>Diese Phase um fünf Minuten verlängern</translation>
    </message>
    <message>
        <source>Next phase</source>
        <translation>Nächste Phase</translation>
    </message>
    <message>
        <source>Session notes</source>
        <translation>Notizen zur Sitzung</translation>
    </message>
    <message>
        <source>Notes for this session (saved as you type, shared with your partner)</source>
        <translation>Notizen zu dieser Sitzung (beim Tippen gespeichert, mit Ihrem Gegenüber geteilt)</translation>
    </message>
    <message>
        <source>Curious-stance hint</source>
        <translation>Hinweis zur neugierigen Haltung</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>noch {time}</translation>
    </message>
    <message>
        <source>{time} over time</source>
        <translation>{time} über der Zeit</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Leertaste)</translation>
    </message>
    <message>
        <source>left of {time}</source>
        <translation>übrig von {time}</translation>
    </message>
    <message>
        <source>left of {time} — paused</source>
        <translation>übrig von {time} — angehalten</translation>
    </message>
    <message>
        <source>Two minutes left.</source>
        <translation>Noch zwei Minuten.</translation>
    </message>
    <message>
        <source>Time is up — overtime is counted; go on when ready.</source>
        <translation>Die Zeit ist um — Überzeit wird mitgezählt; weiter, wenn Sie so weit sind.</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>When… (the moment)</source>
        <translation>Als … (der Moment)</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Verhalten</translation>
    </message>
    <message>
        <source>you… (what the coach did)</source>
        <translation>haben Sie … (was die coachende Person tat)</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>and the effect on me was…</source>
        <translation>und die Wirkung auf mich war …</translation>
    </message>
    <message>
        <source>{field} of feedback {n}</source>
        <translation>{field} in Feedback {n}</translation>
    </message>
    <message>
        <source>Save feedback</source>
        <translation>Feedback speichern</translation>
    </message>
    <message>
        <source>Save feedback {n}</source>
        <translation>Feedback {n} speichern</translation>
    </message>
    <message>
        <source>&lt;b&gt;Feedback&lt;/b&gt; on how the coaching went: situation, behaviour, impact.</source>
        <translation>&lt;b&gt;Feedback&lt;/b&gt; dazu, wie das Coaching lief: Situation, Verhalten, Wirkung.</translation>
    </message>
    <message>
        <source>Next steps to review</source>
        <translation>Zu besprechende nächste Schritte</translation>
    </message>
    <message>
        <source>Outcome of step {n}</source>
        <translation>Ergebnis von Schritt {n}</translation>
    </message>
    <message>
        <source>{giver} to {receiver} — saved</source>
        <translation>{giver} an {receiver} — gespeichert</translation>
    </message>
    <message>
        <source>{giver} to {receiver}</source>
        <translation>{giver} an {receiver}</translation>
    </message>
    <message>
        <source>Owner of the next step</source>
        <translation>Verantwortlich für den nächsten Schritt</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>A concrete step, e.g. &apos;Ask Sam for the Q3 figures&apos;</source>
        <translation>Ein konkreter Schritt, z. B. „Sam nach den Q3-Zahlen fragen“</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Goal of the next step</source>
        <translation>Ziel des nächsten Schritts</translation>
    </message>
    <message>
        <source>&amp;Add step</source>
        <translation>Sch&amp;ritt hinzufügen</translation>
    </message>
    <message>
        <source>Add the next step</source>
        <translation>Den nächsten Schritt hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>&amp;Verantwortlich</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>Schri&amp;tt</translation>
    </message>
    <message>
        <source>D&amp;ue</source>
        <translation>Fälli&amp;g</translation>
    </message>
    <message>
        <source>&amp;Goal</source>
        <translation>Zie&amp;l</translation>
    </message>
    <message>
        <source>Next steps set in this session</source>
        <translation>In dieser Sitzung festgelegte nächste Schritte</translation>
    </message>
    <message>
        <source>&amp;End session</source>
        <translation>Sitzung &amp;beenden</translation>
    </message>
    <message>
        <source>End the session</source>
        <translation>Die Sitzung beenden</translation>
    </message>
    <message>
        <source>&lt;b&gt;Next steps:&lt;/b&gt; each peer names concrete steps before the session ends.</source>
        <translation>&lt;b&gt;Nächste Schritte:&lt;/b&gt; Beide nennen konkrete Schritte, bevor die Sitzung endet.</translation>
    </message>
    <message>
        <source>(no goal)</source>
        <translation>(kein Ziel)</translation>
    </message>
    <message>
        <source>{step} — {owner}, due {date}</source>
        <translation>{step} — {owner}, fällig {date}</translation>
    </message>
    <message>
        <source>Session summary</source>
        <translation>Zusammenfassung der Sitzung</translation>
    </message>
    <message>
        <source>Time per speaker</source>
        <translation>Zeit pro sprechender Person</translation>
    </message>
    <message>
        <source>Time per phase</source>
        <translation>Zeit pro Phase</translation>
    </message>
    <message>
        <source>Goals touched ({n})</source>
        <translation>Berührte Ziele ({n})</translation>
    </message>
    <message>
        <source>Next steps set ({n})</source>
        <translation>Festgelegte nächste Schritte ({n})</translation>
    </message>
    <message>
        <source>Steps reviewed ({n})</source>
        <translation>Besprochene Schritte ({n})</translation>
    </message>
</context>
<context>
    <name>SessionRunner</name>
    <message>
        <source>Peer coaching ends with next steps. No next step was set in this session.

End the session anyway?</source>
        <translation>Peer-Coaching endet mit nächsten Schritten. In dieser Sitzung wurde kein nächster Schritt festgelegt.

Die Sitzung trotzdem beenden?</translation>
    </message>
    <message>
        <source>Session runner</source>
        <translation>Sitzungsablauf</translation>
    </message>
    <message>
        <source>Next phase ▶</source>
        <translation>Nächste Phase ▶</translation>
    </message>
    <message>
        <source>Next phase (Ctrl+Right)</source>
        <translation>Nächste Phase (Strg+Rechts)</translation>
    </message>
    <message>
        <source>Talk time, this session</source>
        <translation>Redezeit, diese Sitzung</translation>
    </message>
    <message>
        <source>Talk time, whole partnership</source>
        <translation>Redezeit, ganze Partnerschaft</translation>
    </message>
    <message>
        <source>&amp;Mute cues (Ctrl+M)</source>
        <translation>Signale stu&amp;mm (Strg+M)</translation>
    </message>
    <message>
        <source>Mute the sound cues</source>
        <translation>Die Tonsignale stummschalten</translation>
    </message>
    <message>
        <source>Session status</source>
        <translation>Status der Sitzung</translation>
    </message>
    <message>
        <source>This session&apos;s saved timer could not be read (saved by another version of the app?), so it starts again at the check-in. Talk time so far, notes and steps are kept.</source>
        <translation>Die gespeicherte Uhr dieser Sitzung ließ sich nicht lesen (von einer anderen Version der App gespeichert?), daher beginnt sie wieder beim Ankommen. Bisherige Redezeit, Notizen und Schritte bleiben erhalten.</translation>
    </message>
    <message>
        <source>Phases of the session</source>
        <translation>Phasen der Sitzung</translation>
    </message>
    <message>
        <source>Phase {n}: {name}, {speaker} speaks</source>
        <translation>Phase {n}: {name}, {speaker} spricht</translation>
    </message>
    <message>
        <source>Phase {n}: {name}</source>
        <translation>Phase {n}: {name}</translation>
    </message>
    <message>
        <source>A phase can be extended by up to 30 minutes in all.</source>
        <translation>Eine Phase lässt sich insgesamt um höchstens 30 Minuten verlängern.</translation>
    </message>
    <message>
        <source>Two minutes left in this phase.</source>
        <translation>Noch zwei Minuten in dieser Phase.</translation>
    </message>
    <message>
        <source>This phase&apos;s time is up.</source>
        <translation>Die Zeit dieser Phase ist um.</translation>
    </message>
    <message>
        <source>End session ■</source>
        <translation>Sitzung beenden ■</translation>
    </message>
    <message>
        <source>{speaker} speaks · {coach} coaches</source>
        <translation>{speaker} spricht · {coach} coacht</translation>
    </message>
    <message>
        <source>Both peers talk</source>
        <translation>Beide sprechen</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Sitzung beenden</translation>
    </message>
    <message>
        <source>Next phase: {name}</source>
        <translation>Nächste Phase: {name}</translation>
    </message>
    <message>
        <source>End the session?</source>
        <translation>Die Sitzung beenden?</translation>
    </message>
    <message>
        <source>Add a next step for each peer, then end the session.</source>
        <translation>Legen Sie für jede Person einen nächsten Schritt fest und beenden Sie dann die Sitzung.</translation>
    </message>
    <message>
        <source>Session ended.</source>
        <translation>Sitzung beendet.</translation>
    </message>
    <message>
        <source>Curious stance: try &quot;{suggestion}&quot;</source>
        <translation>Neugierige Haltung: Versuchen Sie „{suggestion}“</translation>
    </message>
</context>
<context>
    <name>SessionTab</name>
    <message>
        <source>&lt;h3&gt;Run a peer-coaching session&lt;/h3&gt;&lt;p&gt;Check in on last time&apos;s next steps, take turns as speaker following the protocol you choose, and end with concrete next steps. The timer and your notes are saved as you go: a session left open resumes here (with the protocol it started with).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Eine Peer-Coaching-Sitzung durchführen&lt;/h3&gt;&lt;p&gt;Schauen Sie auf die nächsten Schritte vom letzten Mal, sprechen Sie abwechselnd nach dem gewählten Protokoll und enden Sie mit konkreten nächsten Schritten. Uhr und Notizen werden laufend gespeichert: Eine offen gebliebene Sitzung wird hier fortgesetzt (mit dem Protokoll, mit dem sie begann).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About sessions</source>
        <translation>Über Sitzungen</translation>
    </message>
    <message>
        <source>Protocol for a new session</source>
        <translation>Protokoll für eine neue Sitzung</translation>
    </message>
    <message>
        <source>Protocol phases</source>
        <translation>Phasen des Protokolls</translation>
    </message>
    <message>
        <source>Edit protoco&amp;ls…</source>
        <translation>Protokolle be&amp;arbeiten …</translation>
    </message>
    <message>
        <source>Proto&amp;col</source>
        <translation>Proto&amp;koll</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>Offene Sitzung</translation>
    </message>
    <message>
        <source>Session open</source>
        <translation>Sitzung offen</translation>
    </message>
    <message>
        <source>A&amp;bandon this session…</source>
        <translation>Diese Sitzung abbre&amp;chen …</translation>
    </message>
    <message>
        <source>Abandon this session</source>
        <translation>Diese Sitzung abbrechen</translation>
    </message>
    <message>
        <source>No session is open.</source>
        <translation>Keine Sitzung ist offen.</translation>
    </message>
    <message>
        <source>Start a ne&amp;w session</source>
        <translation>Neue Sitzun&amp;g beginnen</translation>
    </message>
    <message>
        <source>Start a new session</source>
        <translation>Neue Sitzung beginnen</translation>
    </message>
    <message>
        <source>A session is open since {when}; it goes on where it was left.</source>
        <translation>Eine Sitzung ist offen seit {when}; sie geht dort weiter, wo sie unterbrochen wurde.</translation>
    </message>
    <message>
        <source>Res&amp;ume the open session</source>
        <translation>Offene Sitzung &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Resume the open session</source>
        <translation>Offene Sitzung fortsetzen</translation>
    </message>
    <message>
        <source>Opening the session…</source>
        <translation>Sitzung wird geöffnet …</translation>
    </message>
    <message>
        <source>Session open since {when}.</source>
        <translation>Sitzung offen seit {when}.</translation>
    </message>
    <message>
        <source>Session ended.</source>
        <translation>Sitzung beendet.</translation>
    </message>
    <message>
        <source>The session stops here and is kept as cancelled: no meeting is planned from it. Its notes, feedback and next steps so far are kept.</source>
        <translation>Die Sitzung endet hier und wird als abgebrochen aufbewahrt: Daraus wird kein Treffen geplant. Ihre bisherigen Notizen, ihr Feedback und ihre nächsten Schritte bleiben erhalten.</translation>
    </message>
    <message>
        <source>Abandon this session?</source>
        <translation>Diese Sitzung abbrechen?</translation>
    </message>
    <message>
        <source>Copy and edit protocols</source>
        <translation>Protokolle kopieren und bearbeiten</translation>
    </message>
    <message>
        <source>{name} (yours)</source>
        <translation>{name} (eigenes)</translation>
    </message>
</context>
<context>
    <name>SessionWidgets</name>
    <message>
        <source>{title}: figures</source>
        <translation>{title}: Zahlen</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Impulsfrage</translation>
    </message>
    <message>
        <source>Prompt card</source>
        <translation>Impulskarte</translation>
    </message>
    <message>
        <source>Why this prompt</source>
        <translation>Warum diese Impulsfrage</translation>
    </message>
    <message>
        <source>Prompt text</source>
        <translation>Text der Impulsfrage</translation>
    </message>
    <message>
        <source>Your own prompt for this phase</source>
        <translation>Ihre eigene Impulsfrage für diese Phase</translation>
    </message>
    <message>
        <source>&amp;Another one</source>
        <translation>&amp;Andere Frage</translation>
    </message>
    <message>
        <source>Another prompt</source>
        <translation>Andere Impulsfrage</translation>
    </message>
    <message>
        <source>Use my &amp;wording</source>
        <translation>Meine &amp;Formulierung verwenden</translation>
    </message>
    <message>
        <source>Save my wording of this prompt</source>
        <translation>Meine Formulierung dieser Impulsfrage speichern</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>Aus&amp;blenden</translation>
    </message>
    <message>
        <source>Hide this prompt</source>
        <translation>Diese Impulsfrage ausblenden</translation>
    </message>
    <message>
        <source>A&amp;dd as new</source>
        <translation>Als neu hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Add my own prompt</source>
        <translation>Meine eigene Impulsfrage hinzufügen</translation>
    </message>
    <message>
        <source>No prompt for this phase.</source>
        <translation>Keine Impulsfrage für diese Phase.</translation>
    </message>
    <message>
        <source>(your wording)</source>
        <translation>(Ihre Formulierung)</translation>
    </message>
    <message>
        <source>Why: {why}</source>
        <translation>Warum: {why}</translation>
    </message>
    <message>
        <source>Prompt — {category}</source>
        <translation>Impulsfrage — {category}</translation>
    </message>
    <message>
        <source>{partner} started this session on their laptop at {time}.</source>
        <translation>{partner} hat diese Sitzung am {time} auf dem eigenen Laptop begonnen.</translation>
    </message>
</context>
<context>
    <name>SessionsView</name>
    <message>
        <source>{n} min</source>
        <translation>{n} Min.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Who spoke</source>
        <translation>Wer sprach</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Steps set</source>
        <translation>Vereinbarte Schritte</translation>
    </message>
    <message>
        <source>Session history</source>
        <translation>Sitzungsverlauf</translation>
    </message>
    <message>
        <source>Selected session</source>
        <translation>Ausgewählte Sitzung</translation>
    </message>
    <message>
        <source>Next meeting date and time</source>
        <translation>Datum und Uhrzeit des nächsten Treffens</translation>
    </message>
    <message>
        <source>&amp;Plan meeting</source>
        <translation>Treffen p&amp;lanen</translation>
    </message>
    <message>
        <source>Plan meeting</source>
        <translation>Treffen planen</translation>
    </message>
    <message>
        <source>Next meeting:</source>
        <translation>Nächstes Treffen:</translation>
    </message>
    <message>
        <source>Notes ({n})</source>
        <translation>Notizen ({n})</translation>
    </message>
    <message>
        <source>Feedback ({n})</source>
        <translation>Feedback ({n})</translation>
    </message>
    <message>
        <source>Next steps set ({n})</source>
        <translation>Vereinbarte nächste Schritte ({n})</translation>
    </message>
    <message>
        <source>Steps reviewed ({n})</source>
        <translation>Besprochene Schritte ({n})</translation>
    </message>
    <message>
        <source>{n}-minute turns.</source>
        <translation>Redezeit je {n} Minuten.</translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>Noch nicht durchgeführt.</translation>
    </message>
    <message>
        <source>{name} spoke {minutes}</source>
        <translation>{name} sprach {minutes}</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
</context>
<context>
    <name>StepsView</name>
    <message>
        <source>{date} (overdue)</source>
        <translation>{date} (überfällig)</translation>
    </message>
    <message>
        <source>Show &amp;done and dropped</source>
        <translation>Erledi&amp;gte und verworfene anzeigen</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Nächste Schritte</translation>
    </message>
    <message>
        <source>Mark d&amp;one</source>
        <translation>Als erledigt &amp;markieren</translation>
    </message>
    <message>
        <source>D&amp;rop</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>&amp;Wieder öffnen</translation>
    </message>
    <message>
        <source>New next step</source>
        <translation>Neuer nächster Schritt</translation>
    </message>
    <message>
        <source>A concrete next step, e.g. Ask Kim to draft the budget</source>
        <translation>Ein konkreter nächster Schritt, z. B. Kim bitten, das Budget zu entwerfen</translation>
    </message>
    <message>
        <source>Owner of the new step</source>
        <translation>Verantwortlich für den neuen Schritt</translation>
    </message>
    <message>
        <source>Goal of the new step</source>
        <translation>Ziel des neuen Schritts</translation>
    </message>
    <message>
        <source>&amp;Add step</source>
        <translation>Schritt hinzu&amp;fügen</translation>
    </message>
    <message>
        <source>Add next step</source>
        <translation>Nächsten Schritt hinzufügen</translation>
    </message>
    <message>
        <source>No goal</source>
        <translation>Kein Ziel</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>Export a summary</source>
        <translation>Zusammenfassung exportieren</translation>
    </message>
    <message>
        <source>The selected &amp;session</source>
        <translation>Die ausgewählte &amp;Sitzung</translation>
    </message>
    <message>
        <source>The selected session</source>
        <translation>Die ausgewählte Sitzung</translation>
    </message>
    <message>
        <source>Sessions &amp;between</source>
        <translation>Sitzungen &amp;zwischen</translation>
    </message>
    <message>
        <source>Sessions between two dates</source>
        <translation>Sitzungen zwischen zwei Daten</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Include &amp;my private notes</source>
        <translation>&amp;Meine privaten Notizen einbeziehen</translation>
    </message>
    <message>
        <source>What will be written</source>
        <translation>Was geschrieben wird</translation>
    </message>
    <message>
        <source>Save as &amp;Markdown…</source>
        <translation>Als Mar&amp;kdown speichern…</translation>
    </message>
    <message>
        <source>Save as Markdown</source>
        <translation>Als Markdown speichern</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Als &amp;PDF speichern…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>This is exactly what will be written:</source>
        <translation>Genau das wird geschrieben:</translation>
    </message>
    <message>
        <source>Reading the notebook…</source>
        <translation>Notizbuch wird gelesen…</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown-Dateien (*.md)</translation>
    </message>
    <message>
        <source>Save the summary</source>
        <translation>Zusammenfassung speichern</translation>
    </message>
    <message>
        <source>Summary saved to {path}.</source>
        <translation>Zusammenfassung gespeichert unter {path}.</translation>
    </message>
</context>
<context>
    <name>SummaryText</name>
    <message>
        <source>{title}: session summary</source>
        <translation>{title}: Zusammenfassung</translation>
    </message>
    <message>
        <source>Includes private notes of the person who exported it.</source>
        <translation>Enthält private Notizen der Person, die exportiert hat.</translation>
    </message>
    <message>
        <source>Time per speaker:</source>
        <translation>Zeit pro sprechender Person:</translation>
    </message>
    <message>
        <source>Time per phase:</source>
        <translation>Zeit pro Phase:</translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation>{m} Min. {s} s</translation>
    </message>
    <message>
        <source>Goals touched</source>
        <translation>Berührte Ziele</translation>
    </message>
    <message>
        <source>{title} ({owner}, {progress}%)</source>
        <translation>{title} ({owner}, {progress} %)</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>{giver} to {receiver}: {parts}</source>
        <translation>{giver} an {receiver}: {parts}</translation>
    </message>
    <message>
        <source>situation: {text}</source>
        <translation>Situation: {text}</translation>
    </message>
    <message>
        <source>behaviour: {text}</source>
        <translation>Verhalten: {text}</translation>
    </message>
    <message>
        <source>impact: {text}</source>
        <translation>Wirkung: {text}</translation>
    </message>
    <message>
        <source>Not held: no time was spoken.</source>
        <translation>Nicht abgehalten: Es wurde keine Redezeit erfasst.</translation>
    </message>
    <message>
        <source>Next steps set</source>
        <translation>Festgelegte nächste Schritte</translation>
    </message>
    <message>
        <source>Next steps reviewed</source>
        <translation>Besprochene nächste Schritte</translation>
    </message>
    <message>
        <source>{text} ({owner}, due {due}, {status})</source>
        <translation>{text} ({owner}, fällig {due}, {status})</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>private</source>
        <translation>privat</translation>
    </message>
</context>
<context>
    <name>SyncFolder</name>
    <message>
        <source>Choose the folder your sync tool shares</source>
        <translation>Wählen Sie den Ordner, den Ihr Sync-Programm teilt</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}: {problem}</translation>
    </message>
    <message>
        <source>sent {time}</source>
        <translation>gesendet {time}</translation>
    </message>
    <message>
        <source>received {time}</source>
        <translation>empfangen {time}</translation>
    </message>
    <message>
        <source>Synced with {partner} just now</source>
        <translation>Gerade eben mit {partner} abgeglichen</translation>
    </message>
    <message>
        <source>Synced with {partner} {n} min ago</source>
        <translation>Vor {n} Min. mit {partner} abgeglichen</translation>
    </message>
    <message>
        <source>Synced with {partner} {n} h ago</source>
        <translation>Vor {n} Std. mit {partner} abgeglichen</translation>
    </message>
    <message>
        <source>Synced with {partner} on {time}</source>
        <translation>Zuletzt am {time} mit {partner} abgeglichen</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Erase this for good? Its words and earlier versions are erased from this notebook, and from your partner&apos;s at the next sync. The encrypted backups of the last days still hold it until they are rotated out.</source>
        <translation>Endgültig löschen? Der Text und frühere Versionen werden aus diesem Notizbuch gelöscht und beim nächsten Abgleich auch aus dem Ihres Partners. Die verschlüsselten Sicherungen der letzten Tage enthalten ihn noch, bis sie ausgetauscht werden.</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Erase for good…</source>
        <translation>&amp;Endgültig löschen…</translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>Endgültig löschen</translation>
    </message>
    <message>
        <source>(with {n} linked)</source>
        <translation>(mit {n} verknüpften)</translation>
    </message>
    <message>
        <source>deleted {when}</source>
        <translation>gelöscht am {when}</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>Der Papierkorb ist leer.</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>{name} (me)</source>
        <translation>{name} (ich)</translation>
    </message>
    <message>
        <source>{label}: set</source>
        <translation>{label}: festlegen</translation>
    </message>
</context>
<context>
    <name>WorkshopActions</name>
    <message>
        <source>New workshop</source>
        <translation>Neuer Workshop</translation>
    </message>
    <message>
        <source>Workshop title</source>
        <translation>Titel des Workshops</translation>
    </message>
    <message>
        <source>e.g. Faculty peer coaching, spring</source>
        <translation>z. B. Peer-Coaching im Kollegium, Frühjahr</translation>
    </message>
    <message>
        <source>A workshop introduces a group to peer coaching in one room: a roster, pairs across units, one shared timer. Names and units stay in an encrypted notebook.</source>
        <translation>Ein Workshop führt eine Gruppe in einem Raum in das Peer-Coaching ein: eine Teilnehmerliste, Paare über Einheiten hinweg, eine gemeinsame Uhr. Namen und Einheiten bleiben in einem verschlüsselten Notizbuch.</translation>
    </message>
    <message>
        <source>A workshop was created while the window was locked.</source>
        <translation>Ein Workshop wurde angelegt, während das Fenster gesperrt war.</translation>
    </message>
    <message>
        <source>Workshops</source>
        <translation>Workshops</translation>
    </message>
    <message>
        <source>No workshops yet: Notebook ▸ New workshop…</source>
        <translation>Noch keine Workshops: Notizbuch ▸ Neuer Workshop…</translation>
    </message>
</context>
<context>
    <name>WorkshopSummary</name>
    <message>
        <source>{title}: workshop summary</source>
        <translation>{title}: Zusammenfassung des Workshops</translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation>Datum: {date}</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>{name}: planned {planned} min, took {actual} min</source>
        <translation>{name}: geplant {planned} Min., gedauert {actual} Min.</translation>
    </message>
    <message>
        <source>{name}: planned {planned} min</source>
        <translation>{name}: geplant {planned} Min.</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Paare</translation>
    </message>
    <message>
        <source>Table {number}: {names}</source>
        <translation>Tisch {number}: {names}</translation>
    </message>
    <message>
        <source>Report-out</source>
        <translation>Austausch im Plenum</translation>
    </message>
    <message>
        <source>No report-out was recorded.</source>
        <translation>Es wurde kein Austausch festgehalten.</translation>
    </message>
    <message>
        <source>Want to continue as peer-coaching partners: {count}</source>
        <translation>Wollen als Peer-Coaching-Partner weitermachen: {count}</translation>
    </message>
    <message>
        <source>“My problem was not unique”: {count}</source>
        <translation>„Mein Problem war nicht einzigartig“: {count}</translation>
    </message>
    <message>
        <source>“15 focused minutes got me far”: {count}</source>
        <translation>„15 konzentrierte Minuten haben mich weit gebracht“: {count}</translation>
    </message>
    <message>
        <source>“We are already almost doing it”: {count}</source>
        <translation>„Wir machen das eigentlich schon fast“: {count}</translation>
    </message>
    <message>
        <source>Start your own partnership in PeerCoach Desktop: one of you creates it (Notebook ▸ New partnership…) and invites the other (Partner ▸ Invite partner…); the other joins with the invitation file and its passphrase (Partner ▸ Join a partnership…).</source>
        <translation>Beginnen Sie Ihre eigene Partnerschaft in PeerCoach Desktop: Eine Person legt sie an (Notizbuch ▸ Neue Partnerschaft…) und lädt die andere ein (Partner ▸ Partner einladen…); die andere tritt mit der Einladungsdatei und ihrer Passphrase bei (Partner ▸ Einer Partnerschaft beitreten…).</translation>
    </message>
    <message>
        <source>Before you leave the room, agree on a first next step: when and where you meet next (within two weeks), and who creates the partnership.</source>
        <translation>Vereinbaren Sie, bevor Sie den Raum verlassen, einen ersten nächsten Schritt: wann und wo Sie sich das nächste Mal treffen (innerhalb von zwei Wochen) und wer die Partnerschaft anlegt.</translation>
    </message>
</context>
<context>
    <name>WorkshopWindow</name>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Workshop title</source>
        <translation>Titel des Workshops</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Teilnehmerliste</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Anwesend</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>New participant&apos;s name</source>
        <translation>Name der neuen Person</translation>
    </message>
    <message>
        <source>New participant&apos;s unit</source>
        <translation>Einheit der neuen Person</translation>
    </message>
    <message>
        <source>Unit (team, department)</source>
        <translation>Einheit (Team, Abteilung)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Paste from a spreadsheet</source>
        <translation>Aus einer Tabelle &amp;einfügen</translation>
    </message>
    <message>
        <source>Everyone is &amp;here</source>
        <translation>Alle sind &amp;da</translation>
    </message>
    <message>
        <source>Present today</source>
        <translation>Heute anwesend</translation>
    </message>
    <message>
        <source>P&amp;air who is here</source>
        <translation>Anwesende &amp;paaren</translation>
    </message>
    <message>
        <source>&amp;Fit in late arrivals and no-shows</source>
        <translation>Nachzügler und &amp;Fehlende einpassen</translation>
    </message>
    <message>
        <source>Pairs by table</source>
        <translation>Paare nach Tisch</translation>
    </message>
    <message>
        <source>Swap this participant</source>
        <translation>Diese Person tauschen</translation>
    </message>
    <message>
        <source>with this participant</source>
        <translation>mit dieser Person</translation>
    </message>
    <message>
        <source>S&amp;wap</source>
        <translation>&amp;Tauschen</translation>
    </message>
    <message>
        <source>Minutes: {phase}</source>
        <translation>Minuten: {phase}</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Open the room &amp;view</source>
        <translation>&amp;Raumansicht öffnen</translation>
    </message>
    <message>
        <source>Fi&amp;nish this workshop</source>
        <translation>Workshop &amp;abschließen</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Paare</translation>
    </message>
    <message>
        <source>Agenda and report-out</source>
        <translation>Ablauf und Austausch</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Report-out</source>
        <translation>Austausch im Plenum</translation>
    </message>
    <message>
        <source>Import a roster</source>
        <translation>Teilnehmerliste importieren</translation>
    </message>
    <message>
        <source>Roster (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>Teilnehmerliste (*.csv *.txt *.tsv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Workshop: {title}</source>
        <translation>Workshop: {title}</translation>
    </message>
    <message>
        <source>{here} of {total} present today.</source>
        <translation>{here} von {total} heute anwesend.</translation>
    </message>
    <message>
        <source>{name} ({unit})</source>
        <translation>{name} ({unit})</translation>
    </message>
    <message>
        <source>Table {number}: {people}</source>
        <translation>Tisch {number}: {people}</translation>
    </message>
    <message>
        <source>(three turns of {minutes} min)</source>
        <translation>(drei Runden zu {minutes} Min.)</translation>
    </message>
    <message>
        <source>&amp;Reshuffle</source>
        <translation>&amp;Neu mischen</translation>
    </message>
    <message>
        <source>{n} table</source>
        <translation>{n} Tisch</translation>
    </message>
    <message>
        <source>{n} tables</source>
        <translation>{n} Tische</translation>
    </message>
</context>
</TS>
