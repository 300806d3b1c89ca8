<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>ActionPlanPage</name>
    <message>
        <source>Planned</source>
        <translation>Planificada</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Descartada</translation>
    </message>
    <message>
        <source>Domain {0} {1}</source>
        <translation>Dominio {0} {1}</translation>
    </message>
    <message>
        <source>Item {0} {1}</source>
        <translation>Ítem {0} {1}</translation>
    </message>
    <message>
        <source>among the lowest-scoring domains ({0})</source>
        <translation>entre los dominios con puntuación más baja ({0})</translation>
    </message>
    <message>
        <source>rated low by the team (mean {0})</source>
        <translation>calificado bajo por el equipo (media {0})</translation>
    </message>
    <message>
        <source>ratings differ widely (mean {0})</source>
        <translation>las calificaciones difieren mucho (media {0})</translation>
    </message>
    <message>
        <source>someone answered “don&apos;t know”</source>
        <translation>alguien respondió “no sé”</translation>
    </message>
    <message>
        <source>← &amp;Back</source>
        <translation>← Vo&amp;lver</translation>
    </message>
    <message>
        <source>Back to the team view</source>
        <translation>Volver a la vista del equipo</translation>
    </message>
    <message>
        <source>This round is closed: its action plan can be read, not changed. Reopen the round from the team view to change it.</source>
        <translation>Esta ronda está cerrada: su plan de acción se puede leer, pero no cambiar. Para cambiarlo, reabra la ronda desde la vista del equipo.</translation>
    </message>
    <message>
        <source>Priorities of this round</source>
        <translation>Prioridades de esta ronda</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Enfoque</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Priorities of this round:</source>
        <translation>&amp;Prioridades de esta ronda:</translation>
    </message>
    <message>
        <source>&amp;Add priority…</source>
        <translation>Agregar p&amp;rioridad…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>Eli&amp;minar…</translation>
    </message>
    <message>
        <source>Delete the selected priority</source>
        <translation>Eliminar la prioridad seleccionada</translation>
    </message>
    <message>
        <source>S&amp;uggested from your data (Enter adds one):</source>
        <translation>Su&amp;geridas a partir de sus datos (Intro agrega una):</translation>
    </message>
    <message>
        <source>Suggested priorities from your data</source>
        <translation>Prioridades sugeridas a partir de sus datos</translation>
    </message>
    <message>
        <source>Add as p&amp;riority</source>
        <translation>Agregar &amp;como prioridad</translation>
    </message>
    <message>
        <source>Add the suggestion as a priority</source>
        <translation>Agregar la sugerencia como prioridad</translation>
    </message>
    <message>
        <source>Add a priority, or pick one suggested from your data, to plan it here.</source>
        <translation>Agregue una prioridad, o elija una de las sugeridas a partir de sus datos, para planificarla aquí.</translation>
    </message>
    <message>
        <source>Testing changes: PDSA cycles</source>
        <translation>Probar cambios: ciclos PDSA</translation>
    </message>
    <message>
        <source>Action plan · {0} · {1}</source>
        <translation>Plan de acción · {0} · {1}</translation>
    </message>
    <message>
        <source>↪ {0} — carried from the previous round</source>
        <translation>↪ {0} — viene de la ronda anterior</translation>
    </message>
    <message>
        <source>✓ {0} (already a priority)</source>
        <translation>✓ {0} (ya es prioridad)</translation>
    </message>
    <message>
        <source>No suggestions yet: they appear once the team has rated the items.</source>
        <translation>Todavía no hay sugerencias: aparecen cuando el equipo haya calificado los ítems.</translation>
    </message>
    <message numerus="yes">
        <source>Delete the priority “{0}” with its goal and %n PDSA cycle(s)? This cannot be undone.</source>
        <translation>
            <numerusform>¿Eliminar la prioridad “{0}” con su meta y %n ciclo PDSA? Esto no se puede deshacer.</numerusform>
            <numerusform>¿Eliminar la prioridad “{0}” con su meta y sus %n ciclos PDSA? Esto no se puede deshacer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete priority</source>
        <translation>Eliminar prioridad</translation>
    </message>
    <message>
        <source>✓ Saved {0}</source>
        <translation>✓ Guardado {0}</translation>
    </message>
    <message>
        <source>✗ Not saved: {0}</source>
        <translation>✗ No guardado: {0}</translation>
    </message>
    <message>
        <source>Typing… saved when you pause or leave the field</source>
        <translation>Escribiendo… se guarda cuando hace una pausa o sale del campo</translation>
    </message>
</context>
<context>
    <name>AddInstrumentDialog</name>
    <message>
        <source>Add instrument</source>
        <translation>Agregar instrumento</translation>
    </message>
    <message>
        <source>Choose an instrument file (.json) or workbook (.xlsx). It is checked and shown here before anything is installed in {0}.</source>
        <translation>Elija un archivo de instrumento (.json) o un libro de Excel (.xlsx). Se revisa y se muestra aquí antes de instalar nada en {0}.</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>&amp;Elegir un archivo…</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>Resultado de la revisión</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>&amp;Instalar</translation>
    </message>
    <message>
        <source>Instrument files (*.json *.xlsx)</source>
        <translation>Archivos de instrumento (*.json *.xlsx)</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s); fix them in the file and choose it again:</source>
        <translation>
            <numerusform>%n problema; corríjalo en el archivo y vuelva a elegirlo:</numerusform>
            <numerusform>%n problemas; corríjalos en el archivo y vuelva a elegirlo:</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}, version {1} ({2})</source>
        <translation>{0}, versión {1} ({2})</translation>
    </message>
    <message>
        <source>Official wording</source>
        <translation>Redacción oficial</translation>
    </message>
    <message>
        <source>Not the official wording</source>
        <translation>No es la redacción oficial</translation>
    </message>
    <message>
        <source>Terms of use: {0}</source>
        <translation>Condiciones de uso: {0}</translation>
    </message>
    <message>
        <source>{0}, {1}, {2}; languages {3}</source>
        <translation>{0}, {1}, {2}; idiomas {3}</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Escala:</translation>
    </message>
    <message>
        <source>Bands ({0}):</source>
        <translation>Niveles ({0}):</translation>
    </message>
    <message>
        <source>Installed as {0}.</source>
        <translation>Instalado como {0}.</translation>
    </message>
</context>
<context>
    <name>AgenciesDialog</name>
    <message>
        <source>Agencies, peer groups and who is due</source>
        <translation>Organizaciones, grupos de comparación y rondas pendientes</translation>
    </message>
    <message>
        <source>&amp;Agencies and groups</source>
        <translation>&amp;Organizaciones y grupos</translation>
    </message>
    <message>
        <source>&amp;Due and overdue</source>
        <translation>&amp;Pendientes y atrasadas</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Resultado de la última acción</translation>
    </message>
    <message>
        <source>Agencies with their linked records</source>
        <translation>Organizaciones con sus registros vinculados</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>State identifier</source>
        <translation>Identificador estatal</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sedes</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Last round</source>
        <translation>Última ronda</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Próxima ronda</translation>
    </message>
    <message>
        <source>&amp;Undo this link</source>
        <translation>&amp;Deshacer este vínculo</translation>
    </message>
    <message>
        <source>Set the selected linked record apart: it counts as an agency of its own</source>
        <translation>Separar el registro vinculado seleccionado: cuenta como una organización independiente</translation>
    </message>
    <message>
        <source>region=North; setting=rural</source>
        <translation>región=Norte; entorno=rural</translation>
    </message>
    <message>
        <source>Groups of the selected agency</source>
        <translation>Grupos de la organización seleccionada</translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation>&amp;Grupos:</translation>
    </message>
    <message>
        <source>&amp;Set groups</source>
        <translation>&amp;Asignar grupos</translation>
    </message>
    <message>
        <source>Set the groups typed for the selected agency; NAME= removes a group</source>
        <translation>Asignar los grupos escritos a la organización seleccionada; NOMBRE= quita un grupo</translation>
    </message>
    <message>
        <source>Eastside clinic</source>
        <translation>Clínica del Este</translation>
    </message>
    <message>
        <source>Name of a new site of the selected agency</source>
        <translation>Nombre de una sede nueva de la organización seleccionada</translation>
    </message>
    <message>
        <source>Add s&amp;ite</source>
        <translation>Agregar &amp;sede</translation>
    </message>
    <message>
        <source>Add the site typed beside it to the selected agency</source>
        <translation>Agregar la sede escrita al lado a la organización seleccionada</translation>
    </message>
    <message>
        <source>Rename or re&amp;move sites…</source>
        <translation>Cambiar nombre o &amp;quitar sitios…</translation>
    </message>
    <message>
        <source>Import groups from CS&amp;V…</source>
        <translation>Importar grupos desde CS&amp;V…</translation>
    </message>
    <message>
        <source>Records proposed for linking</source>
        <translation>Registros propuestos para vincular</translation>
    </message>
    <message>
        <source>&amp;Link the selected pair</source>
        <translation>V&amp;incular el par seleccionado</translation>
    </message>
    <message>
        <source>Count the two records of the selected proposal as one agency</source>
        <translation>Contar los dos registros de la propuesta seleccionada como una sola organización</translation>
    </message>
    <message>
        <source>Proposed links: records sharing a state identifier (a reinstall or a second laptop). Nothing is linked until you choose a pair and link it; a link can be undone and never changes the records.</source>
        <translation>Vínculos propuestos: registros que comparten un identificador estatal (una reinstalación o una segunda computadora). No se vincula nada hasta que usted elija un par y lo vincule; un vínculo se puede deshacer y nunca cambia los registros.</translation>
    </message>
    <message>
        <source>Work out what is due on this day</source>
        <translation>Calcular qué está pendiente en esta fecha</translation>
    </message>
    <message>
        <source>Due o&amp;n:</source>
        <translation>Pendientes el &amp;día:</translation>
    </message>
    <message>
        <source>Show agencies that are up to date &amp;too</source>
        <translation>Mostrar &amp;también las organizaciones al día</translation>
    </message>
    <message>
        <source>Agencies due, overdue or never reported</source>
        <translation>Organizaciones con ronda pendiente, atrasada o que nunca informaron</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last period end</source>
        <translation>Fin del último período</translation>
    </message>
    <message>
        <source>Export the list as &amp;CSV…</source>
        <translation>Exportar la lista como &amp;CSV…</translation>
    </message>
    <message>
        <source>Export the list as &amp;XLSX…</source>
        <translation>Exportar la lista como &amp;XLSX…</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>atrasada</translation>
    </message>
    <message>
        <source>never reported</source>
        <translation>nunca informó</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>vence pronto</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>al día</translation>
    </message>
    <message>
        <source>linked record: {0}</source>
        <translation>registro vinculado: {0}</translation>
    </message>
    <message>
        <source>“{0}” (id {1}) and “{2}” (id {3}): state identifier {4}</source>
        <translation>“{0}” (id {1}) y “{2}” (id {3}): identificador estatal {4}</translation>
    </message>
    <message>
        <source>Linked: the two records now count as one agency, “{0}”.</source>
        <translation>Vinculados: los dos registros ahora cuentan como una sola organización, “{0}”.</translation>
    </message>
    <message>
        <source>Unlinked: “{0}” counts as an agency of its own again.</source>
        <translation>Desvinculado: “{0}” vuelve a contar como una organización independiente.</translation>
    </message>
    <message>
        <source>Groups of “{0}” saved.</source>
        <translation>Se guardaron los grupos de “{0}”.</translation>
    </message>
    <message>
        <source>Site “{0}” added.</source>
        <translation>Se agregó la sede “{0}”.</translation>
    </message>
    <message>
        <source>Import peer groups</source>
        <translation>Importar grupos de comparación</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the due list</source>
        <translation>Exportar la lista de pendientes</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Hojas de cálculo (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Groups set for {0} agencies from {1}.</source>
        <translation>Se asignaron grupos a {0} organizaciones desde {1}.</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>Leyendo {0}…</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Se guardó {0}</translation>
    </message>
    <message>
        <source>Writing {0}…</source>
        <translation>Escribiendo {0}…</translation>
    </message>
</context>
<context>
    <name>AgencyDialog</name>
    <message>
        <source>Edit agency</source>
        <translation>Editar organización</translation>
    </message>
    <message>
        <source>New agency</source>
        <translation>Nueva organización</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>&amp;Sede:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Región:</translation>
    </message>
    <message>
        <source>State &amp;identifier:</source>
        <translation>&amp;Identificador estatal:</translation>
    </message>
    <message>
        <source>e.g. Riverbend Community Health</source>
        <translation>p. ej., Centro Comunitario de Salud Riverbend</translation>
    </message>
    <message>
        <source>An agency needs a name.</source>
        <translation>La organización necesita un nombre.</translation>
    </message>
</context>
<context>
    <name>AutosaveForm</name>
    <message>
        <source>unexpected error ({0})</source>
        <translation>error inesperado ({0})</translation>
    </message>
</context>
<context>
    <name>ChangeHistoryDialog</name>
    <message>
        <source>Export the history of changes</source>
        <translation>Exportar el historial de cambios</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>History of changes: {0}</source>
        <translation>Historial de cambios: {0}</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Every item</source>
        <translation>Todos los ítems</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Persona:</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>Íte&amp;m:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>Changes in this round, oldest first</source>
        <translation>Cambios de esta ronda, los más antiguos primero</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Ítem</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Whose answer</source>
        <translation>Respuesta de</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>respuesta</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>comentario</translation>
    </message>
    <message>
        <source>consensus</source>
        <translation>consenso</translation>
    </message>
    <message>
        <source>action plan</source>
        <translation>plan de acción</translation>
    </message>
    <message>
        <source>team</source>
        <translation>equipo</translation>
    </message>
    <message>
        <source>round</source>
        <translation>ronda</translation>
    </message>
    <message>
        <source>import</source>
        <translation>importación</translation>
    </message>
    <message>
        <source>results</source>
        <translation>resultados</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>opción</translation>
    </message>
    <message>
        <source>member</source>
        <translation>integrante</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n change(s) shown.</source>
        <translation>
            <numerusform>Se muestra {0} de %n cambio.</numerusform>
            <numerusform>Se muestran {0} de %n cambios.</numerusform>
        </translation>
    </message>
    <message>
        <source>Individual answers show as ••• until the facilitator opens the results.</source>
        <translation>Las respuestas individuales aparecen como ••• hasta que el facilitador abra los resultados.</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Se guardó {0}</translation>
    </message>
</context>
<context>
    <name>CoordinatorPage</name>
    <message>
        <source>Back to the agencies</source>
        <translation>Volver a las organizaciones</translation>
    </message>
    <message>
        <source>State coordinator: who reported and the state picture</source>
        <translation>Coordinación estatal: quién informó y el panorama del estado</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <source>I&amp;nstrument:</source>
        <translation>I&amp;nstrumento:</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Período desde</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Período hasta</translation>
    </message>
    <message>
        <source>← H&amp;ome</source>
        <translation>← &amp;Inicio</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>&amp;All time</source>
        <translation>&amp;Todo el tiempo</translation>
    </message>
    <message>
        <source>All time: ignore the period</source>
        <translation>Todo el tiempo: sin tener en cuenta el período</translation>
    </message>
    <message>
        <source>A round counts in the period when its review period ends in it.</source>
        <translation>Una ronda cuenta en el período si su período evaluado termina dentro de él.</translation>
    </message>
    <message>
        <source>Peer group</source>
        <translation>Grupo de comparación</translation>
    </message>
    <message>
        <source>Compare within a peer group; fewer than 5 agencies hide its statistics.</source>
        <translation>Comparar solo dentro de un grupo; con menos de 5 organizaciones, sus estadísticas se ocultan.</translation>
    </message>
    <message>
        <source>Compare b&amp;y group:</source>
        <translation>Comparar por &amp;grupo:</translation>
    </message>
    <message>
        <source>Summary of the state picture</source>
        <translation>Resumen del panorama del estado</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>Im&amp;portar archivos…</translation>
    </message>
    <message>
        <source>Import exchange files from agencies</source>
        <translation>Importar archivos de intercambio de las organizaciones</translation>
    </message>
    <message>
        <source>Export &amp;workbook (XLSX)…</source>
        <translation>Exportar &amp;libro de Excel (XLSX)…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <source>State &amp;report (PDF)…</source>
        <translation>Info&amp;rme estatal (PDF)…</translation>
    </message>
    <message>
        <source>Export the roll-up as an Excel workbook</source>
        <translation>Exportar el consolidado como libro de Excel</translation>
    </message>
    <message>
        <source>Export the roll-up as CSV</source>
        <translation>Exportar el consolidado como CSV</translation>
    </message>
    <message>
        <source>Save the state report as PDF</source>
        <translation>Guardar el informe estatal como PDF</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Estado de la exportación</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Abrir archivo</translation>
    </message>
    <message>
        <source>Open the exported file</source>
        <translation>Abrir el archivo exportado</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <source>Working out the state picture…</source>
        <translation>Calculando el panorama del estado…</translation>
    </message>
    <message>
        <source>{0} reported in the period, {1} of them with incomplete data; {2} have not reported. Versions: {3}. Scores: {4}.</source>
        <translation>Informaron en el período: {0}; {1} de ellas con datos incompletos; {2} no han informado. Versiones: {3}. Puntuaciones: {4}.</translation>
    </message>
    <message>
        <source>Peer group: {0}.</source>
        <translation>Grupo de comparación: {0}.</translation>
    </message>
    <message>
        <source>Show the exported file in its folder</source>
        <translation>Mostrar el archivo exportado en su carpeta</translation>
    </message>
    <message>
        <source>Agencies, lin&amp;ks and due…</source>
        <translation>Organi&amp;zaciones, vínculos y pendientes…</translation>
    </message>
    <message>
        <source>Link agencies across laptops, set peer groups and list who is due</source>
        <translation>Vincular organizaciones entre computadoras, asignar grupos de comparación y ver las rondas pendientes</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>Todas las organizaciones</translation>
    </message>
    <message>
        <source>No rounds here yet. Import the files the agencies sent (Import files…) to see who reported and the state picture.</source>
        <translation>Todavía no hay rondas aquí. Importe los archivos que enviaron las organizaciones (Importar archivos…) para ver quién informó y el panorama del estado.</translation>
    </message>
    <message>
        <source>Fewer than {0} agencies are in it: its median, quartiles and each agency&apos;s scores are hidden so that they cannot identify an agency.</source>
        <translation>Tiene menos de {0} organizaciones: su mediana, sus cuartiles y las puntuaciones de cada organización se ocultan para que no permitan identificar a una organización.</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing {0}…</source>
        <translation>Escribiendo {0}…</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Se guardó {0}</translation>
    </message>
    <message>
        <source>Not written: {0}</source>
        <translation>No se escribió: {0}</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%n agencies</source>
        <translation>
            <numerusform>%n organización</numerusform>
            <numerusform>%n organizaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n round(s)</source>
        <translation>
            <numerusform>%n ronda</numerusform>
            <numerusform>%n rondas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n team member(s)</source>
        <translation>
            <numerusform>%n integrante del equipo</numerusform>
            <numerusform>%n integrantes del equipo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n respuesta</numerusform>
            <numerusform>%n respuestas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n saved answer(s)</source>
        <translation>
            <numerusform>%n respuesta guardada</numerusform>
            <numerusform>%n respuestas guardadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agreed answer(s)</source>
        <translation>
            <numerusform>%n respuesta acordada</numerusform>
            <numerusform>%n respuestas acordadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action-plan priorities</source>
        <translation>
            <numerusform>%n prioridad del plan de acción</numerusform>
            <numerusform>%n prioridades del plan de acción</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n sección</numerusform>
            <numerusform>%n secciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n domain(s)</source>
        <translation>
            <numerusform>%n dominio</numerusform>
            <numerusform>%n dominios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n ítem</numerusform>
            <numerusform>%n ítems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n rechazado</numerusform>
            <numerusform>%n rechazados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>The app ran into an unexpected problem. Your saved answers are safe: each one was written to disk when the screen said Saved.

Please copy the details below and send them to whoever supports the app. The log file is:
{0}</source>
        <translation>La aplicación tuvo un problema inesperado. Sus respuestas guardadas están a salvo: cada una se escribió en el disco cuando la pantalla indicó Guardado.

Copie los detalles de abajo y envíelos a quien le da soporte a la aplicación. El archivo de registro es:
{0}</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Informe de error</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Could not open</source>
        <translation>No se pudo abrir</translation>
    </message>
    <message>
        <source>No program on this computer could open {0}.</source>
        <translation>Ningún programa de esta computadora pudo abrir {0}.</translation>
    </message>
    <message>
        <source>No program on this computer opens {0} (for a PDF, install a PDF viewer). Show it in its folder instead?</source>
        <translation>Ningún programa de esta computadora abre {0} (para un PDF, instale un visor de PDF). ¿Mostrarlo en su carpeta?</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export for the state</source>
        <translation>Exportar para el estado</translation>
    </message>
    <message>
        <source>Export {0} of {1}</source>
        <translation>Exportar {0} de {1}</translation>
    </message>
    <message>
        <source>What leaves this laptop</source>
        <translation>Qué sale de esta computadora</translation>
    </message>
    <message>
        <source>Include team members&apos; &amp;names (otherwise by role only)</source>
        <translation>Incluir los &amp;nombres de los integrantes (si no, solo por función)</translation>
    </message>
    <message>
        <source>Include team members&apos; names</source>
        <translation>Incluir los nombres de los integrantes</translation>
    </message>
    <message>
        <source>Include team members&apos; &amp;comments</source>
        <translation>Incluir los &amp;comentarios de los integrantes</translation>
    </message>
    <message>
        <source>Include team members&apos; comments</source>
        <translation>Incluir los comentarios de los integrantes</translation>
    </message>
    <message>
        <source>Comments that will leave, one tick each</source>
        <translation>Comentarios que saldrán, cada uno con su casilla</translation>
    </message>
    <message>
        <source>Untick any comment that should stay here. Comments marked ⚠ look like they may identify a client (a date, phone number, e-mail address, long number or a name) and start unticked.</source>
        <translation>Desmarque los comentarios que deban quedarse aquí. Los marcados con ⚠ parecen poder identificar a un cliente (una fecha, un teléfono, un correo electrónico, un número largo o un nombre) y empiezan desmarcados.</translation>
    </message>
    <message>
        <source>What the file contains</source>
        <translation>Qué contiene el archivo</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>Archivo que se escribirá</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>&amp;Guardar como:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>Choose where to save the file</source>
        <translation>Elegir dónde guardar el archivo</translation>
    </message>
    <message>
        <source>These texts may still name a team member (a nickname, a short form or a name not on the team list). Close this window to edit them (the meeting, the action plan or the comment), untick the comments, or press Export anyway to send them as they are.</source>
        <translation>Estos textos todavía pueden nombrar a un integrante del equipo (un apodo, una forma abreviada o un nombre que no está en la lista del equipo). Cierre esta ventana para editarlos (la reunión, el plan de acción o el comentario), desmarque los comentarios o pulse Exportar de todos modos para enviarlos tal como están.</translation>
    </message>
    <message>
        <source>Texts that may still name a team member</source>
        <translation>Textos que todavía pueden nombrar a un integrante del equipo</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Estado de la exportación</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Mostrar en la car&amp;peta</translation>
    </message>
    <message>
        <source>Show the exported file in its folder</source>
        <translation>Mostrar el archivo exportado en su carpeta</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>Export the round to the file</source>
        <translation>Exportar la ronda al archivo</translation>
    </message>
    <message>
        <source>The file will hold:</source>
        <translation>El archivo contendrá:</translation>
    </message>
    <message>
        <source>• the agency: name, site, region, state identifier</source>
        <translation>• la organización: nombre, sede, región, identificador estatal</translation>
    </message>
    <message>
        <source>• the round: name, review period, status</source>
        <translation>• la ronda: nombre, período evaluado, estado</translation>
    </message>
    <message>
        <source>• no comments</source>
        <translation>• sin comentarios</translation>
    </message>
    <message>
        <source>• the answers of {0} ({1}), with their names</source>
        <translation>• las respuestas de {0} ({1}), con sus nombres</translation>
    </message>
    <message>
        <source>Exchange &amp;keys…</source>
        <translation>Intercambiar c&amp;laves…</translation>
    </message>
    <message>
        <source>Install the coordinator&apos;s key so that the export is sealed</source>
        <translation>Instale la clave de la coordinación para que la exportación quede sellada</translation>
    </message>
    <message>
        <source>• the answers of {0} ({1}), by role only — no names</source>
        <translation>• las respuestas de {0} ({1}), solo por función — sin nombres</translation>
    </message>
    <message numerus="yes">
        <source>• not included: %n withdrawn team member(s) and their answers</source>
        <translation>
            <numerusform>• no se incluye: %n integrante del equipo retirado y sus respuestas</numerusform>
            <numerusform>• no se incluyen: %n integrantes del equipo retirados y sus respuestas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• {0} of their %n comment(s) on answers, as ticked below</source>
        <translation>
            <numerusform>• {0} de su %n comentario sobre respuestas, según lo marcado abajo</numerusform>
            <numerusform>• {0} de sus %n comentarios sobre respuestas, según lo marcado abajo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• %n agreed consensus answer(s) with their rationale</source>
        <translation>
            <numerusform>• %n respuesta de consenso acordada con su justificación</numerusform>
            <numerusform>• %n respuestas de consenso acordadas con su justificación</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• the action plan (%n priorities)</source>
        <translation>
            <numerusform>• el plan de acción (%n prioridad)</numerusform>
            <numerusform>• el plan de acción (%n prioridades)</numerusform>
        </translation>
    </message>
    <message>
        <source>• a table of scores for spreadsheets, the scorecard PDF and the instrument</source>
        <translation>• una tabla de puntuaciones para hojas de cálculo, la tarjeta de puntuación en PDF y el instrumento</translation>
    </message>
    <message>
        <source>A checksum of every part lets the coordinator check that the file arrived complete and unchanged.</source>
        <translation>Una suma de verificación de cada parte permite a quien coordina comprobar que el archivo llegó completo y sin cambios.</translation>
    </message>
    <message>
        <source>The file is signed with this agency&apos;s key, so the coordinator sees who sent it.</source>
        <translation>El archivo va firmado con la clave de esta organización, así la coordinación ve quién lo envió.</translation>
    </message>
    <message>
        <source>Sealed: only the state coordinator can open it (key {0}).</source>
        <translation>Sellado: solo la coordinación estatal puede abrirlo (clave {0}).</translation>
    </message>
    <message>
        <source>WARNING: not sealed. No coordinator key is installed here, so anyone who finds the file can read it. Install the coordinator&apos;s key first (File › Exchange keys…).</source>
        <translation>ADVERTENCIA: sin sellar. Aquí no hay ninguna clave de coordinación instalada, así que cualquiera que encuentre el archivo puede leerlo. Primero instale la clave de la coordinación (Archivo › Intercambiar claves…).</translation>
    </message>
    <message>
        <source>This round is still open: the file holds the answers as they are now. Export again after the meeting; the newer file replaces this one.</source>
        <translation>Esta ronda sigue abierta: el archivo contiene las respuestas tal como están ahora. Exporte de nuevo después de la reunión; el archivo más reciente reemplaza a este.</translation>
    </message>
    <message>
        <source>⚠ may identify a client — {0}</source>
        <translation>⚠ puede identificar a un cliente — {0}</translation>
    </message>
    <message>
        <source>SMS OAT exchange files (*.smsoat)</source>
        <translation>Archivos de intercambio de SMS OAT (*.smsoat)</translation>
    </message>
    <message>
        <source>Choose where to save the file first.</source>
        <translation>Primero elija dónde guardar el archivo.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Export &amp;anyway</source>
        <translation>Exportar de &amp;todos modos</translation>
    </message>
    <message>
        <source>Not exported yet: {0} text(s) may still name a team member (listed above).</source>
        <translation>Todavía no se exportó: {0} texto(s) pueden nombrar a un integrante del equipo (en la lista de arriba).</translation>
    </message>
    <message>
        <source>Comment on {0}</source>
        <translation>Comentario sobre {0}</translation>
    </message>
    <message>
        <source>Rationale for {0}</source>
        <translation>Justificación de {0}</translation>
    </message>
    <message>
        <source>Priority {0}: goal</source>
        <translation>Prioridad {0}: meta</translation>
    </message>
    <message>
        <source>Priority {0}: owner</source>
        <translation>Prioridad {0}: responsable</translation>
    </message>
    <message>
        <source>Priority {0}: how it is measured</source>
        <translation>Prioridad {0}: cómo se mide</translation>
    </message>
    <message>
        <source>Priority {0}: who measures</source>
        <translation>Prioridad {0}: quién mide</translation>
    </message>
    <message>
        <source>Priority {0}: how often</source>
        <translation>Prioridad {0}: con qué frecuencia</translation>
    </message>
    <message>
        <source>Cycle {0}: Do notes</source>
        <translation>Ciclo {0}: notas de Hacer</translation>
    </message>
    <message>
        <source>Cycle {0}: Study notes</source>
        <translation>Ciclo {0}: notas de Estudiar</translation>
    </message>
    <message>
        <source>Cycle {0}: Act notes</source>
        <translation>Ciclo {0}: notas de Actuar</translation>
    </message>
    <message>
        <source>Cycle {0}: plan</source>
        <translation>Ciclo {0}: plan</translation>
    </message>
    <message>
        <source>{0} — “{1}”: {2}</source>
        <translation>{0} — “{1}”: {2}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Se guardó {0}</translation>
    </message>
    <message>
        <source>Not exported: {0}</source>
        <translation>No se exportó: {0}</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <source>Scores by domain</source>
        <translation>Puntuaciones por dominio</translation>
    </message>
    <message>
        <source>Score and band of each section and domain.</source>
        <translation>Puntuación y nivel de cada sección y dominio.</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Dominio</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Respondidos</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Unanswered items</source>
        <translation>Ítems sin responder</translation>
    </message>
    <message>
        <source>Enter goes to the selected item to answer it.</source>
        <translation>Intro lleva al ítem seleccionado para responderlo.</translation>
    </message>
    <message>
        <source>&amp;Done — back to the team</source>
        <translation>&amp;Listo: volver al equipo</translation>
    </message>
    <message>
        <source>&amp;Answer the first unanswered item</source>
        <translation>&amp;Responder el primer ítem sin respuesta</translation>
    </message>
    <message>
        <source>Save &amp;my copy as PDF…</source>
        <translation>Guardar &amp;mi copia en PDF…</translation>
    </message>
    <message>
        <source>Save this person&apos;s answers and scores as a PDF for their own records</source>
        <translation>Guardar en PDF las respuestas y puntuaciones de esta persona, para sus propios registros</translation>
    </message>
    <message>
        <source>provisional ({0} so far)</source>
        <translation>provisional ({0} hasta ahora)</translation>
    </message>
    <message>
        <source>Raw total: {0} (possible {1}–{2})</source>
        <translation>Total bruto: {0} (posible {1}–{2})</translation>
    </message>
    <message>
        <source>Converted score: {0} of 100 — {1}</source>
        <translation>Puntuación convertida: {0} de 100 — {1}</translation>
    </message>
    <message>
        <source>No converted score yet: the table needs a scored answer to every item.</source>
        <translation>Todavía no hay puntuación convertida: la tabla necesita una respuesta puntuada en cada ítem.</translation>
    </message>
    <message>
        <source>Each person answers this survey for themselves; there is no consensus meeting.</source>
        <translation>Cada persona responde esta encuesta por sí misma; no hay reunión de consenso.</translation>
    </message>
    <message>
        <source>Scores of {0} ({1})</source>
        <translation>Puntuaciones de {0} ({1})</translation>
    </message>
    <message>
        <source>percent of the maximum</source>
        <translation>porcentaje del máximo</translation>
    </message>
    <message>
        <source>total of the answers</source>
        <translation>total de las respuestas</translation>
    </message>
    <message>
        <source>average rating, {0}–{1}</source>
        <translation>calificación media, {0}–{1}</translation>
    </message>
    <message>
        <source>Overall: {0} ({1}) — {2}</source>
        <translation>Global: {0} ({1}) — {2}</translation>
    </message>
    <message>
        <source>Provisional overall so far: {0} ({1}). No band until every item is answered.</source>
        <translation>Global provisional hasta ahora: {0} ({1}). Sin nivel hasta que se respondan todos los ítems.</translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n item(s) answered; {1} marked don&apos;t know or not applicable.</source>
        <translation>
            <numerusform>{0} de %n ítem respondido; {1} marcados como no sé o no corresponde.</numerusform>
            <numerusform>{0} de %n ítems respondidos; {1} marcados como no sé o no corresponde.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not counted in the team&apos;s scores yet.</source>
        <translation>Todavía no cuenta en las puntuaciones del equipo.</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>Still &amp;unanswered: {0} (double-click or Enter to answer)</source>
        <translation>&amp;Sin responder todavía: {0} (doble clic o Intro para responder)</translation>
    </message>
    <message>
        <source>Every item is answered. Thank you!</source>
        <translation>Todos los ítems están respondidos. ¡Gracias!</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <source>Set up: create your agency, start a round (choose the instrument and a name; the review period defaults to the prior three months) and add the team — at least two people with different perspectives: clinical and support staff, peer specialists, administrators, clients.</source>
        <translation>Preparar: cree su organización, inicie una ronda (elija el instrumento y un nombre; el período evaluado son, si no lo cambia, los tres meses anteriores) y agregue al equipo: al menos dos personas con perspectivas distintas (personal clínico y de apoyo, especialistas de pares, administración, clientes).</translation>
    </message>
    <message>
        <source>Rate alone: each person picks their name and is walked through every item, thinking of the review period. There are no right or wrong answers: give your best guess, or Don&apos;t know. Each click is saved at once; you can stop and resume later.</source>
        <translation>Calificar a solas: cada persona elige su nombre y recorre todos los ítems, pensando en el período evaluado. No hay respuestas correctas ni incorrectas: responda lo mejor que pueda, o No sé. Cada clic se guarda al instante; puede pausar y seguir más tarde.</translation>
    </message>
    <message>
        <source>Paper: anyone who prefers paper prints the blank form; type their answers in later with Type in a paper form.</source>
        <translation>Papel: quien prefiera el papel imprime el formulario en blanco; sus respuestas se transcriben después con Transcribir un formulario en papel.</translation>
    </message>
    <message>
        <source>Meet: the team looks at items rated low by most and items where ratings differ widely, agrees a score for each item and notes why.</source>
        <translation>Reunirse: el equipo revisa los ítems que la mayoría calificó bajo y aquellos en que las calificaciones difieren mucho, acuerda una puntuación para cada ítem y anota por qué.</translation>
    </message>
    <message>
        <source>Plan: choose a few priorities, set a goal for each and test changes in small Plan-Do-Study-Act cycles. Repeat the assessment about every six months.</source>
        <translation>Planificar: elija unas pocas prioridades, fije una meta para cada una y pruebe cambios en ciclos pequeños de Planificar-Hacer-Estudiar-Actuar (PDSA). Repita la evaluación más o menos cada seis meses.</translation>
    </message>
    <message>
        <source>Keys while rating: the number shown on a choice selects it (0 = 10), D = don&apos;t know, N = not applicable, Up/Down change the choice, Left/Right or Enter move between items, Ctrl+E shows the examples.</source>
        <translation>Teclas al calificar: el número que aparece en una opción la elige (0 = 10), D = no sé, N = no corresponde, Arriba/Abajo cambian la opción, Izquierda/Derecha o Intro pasan de un ítem a otro, Ctrl+E muestra los ejemplos.</translation>
    </message>
    <message>
        <source>Delete or Backspace clears the current item&apos;s answer (a comment on it stays).</source>
        <translation>Supr o Retroceso borra la respuesta del ítem actual (su comentario se conserva).</translation>
    </message>
    <message>
        <source>How a self-assessment round works</source>
        <translation>Cómo funciona una ronda de autoevaluación</translation>
    </message>
    <message>
        <source>One agency, several laptops: an agency that reinstalled or works from two laptops arrives as two records with the same state identifier. The import preview proposes linking them; in Agencies, links and due… choose the pair and link it. A link moves nothing: the agency counts once in the roll-up, and Undo this link sets the records apart again with nothing lost.</source>
        <translation>Una organización, varias computadoras: una organización que reinstaló la aplicación o trabaja desde dos computadoras llega como dos registros con el mismo identificador estatal. La vista previa de la importación propone vincularlos; en Organizaciones, vínculos y pendientes… elija el par y vincúlelo. Un vínculo no mueve nada: la organización cuenta una sola vez en el consolidado, y Deshacer este vínculo vuelve a separar los registros sin perder nada.</translation>
    </message>
    <message>
        <source>Peer groups: give agencies groups (region=North; setting=rural; provider type=FQHC) one by one or from a CSV file whose first column is state_id. Compare by group then shows the picture of that group only. When fewer than 5 agencies are in a group its median and quartiles are hidden, and so is each agency&apos;s own score in that group&apos;s screen and files, so that they cannot identify an agency.</source>
        <translation>Grupos de pares: asigne grupos a las organizaciones (region=North; setting=rural; provider type=FQHC) una por una o desde un archivo CSV cuya primera columna sea state_id. Comparar por grupo muestra entonces solo el panorama de ese grupo. Cuando un grupo tiene menos de 5 organizaciones, se ocultan su mediana y sus cuartiles, y también la puntuación propia de cada organización en la pantalla y los archivos de ese grupo, para que no permitan identificar a una organización.</translation>
    </message>
    <message>
        <source>Sites: an agency may have several sites (clinics). A round belongs to one site or to the whole agency: choose it in Start a round, or change it on the round page. Add, rename or remove sites in Agencies, links and due…; removing a site that holds rounds asks first and makes them the whole agency&apos;s, nothing is deleted. The roll-up shows both levels: each agency&apos;s row, then its sites&apos; newest rounds (the Agencies by site tab, the Sites sheet of the workbook, a table on the agency&apos;s page of the PDF). Sites do not count in the state figures.</source>
        <translation>Sitios: una organización puede tener varios sitios (clínicas). Una ronda pertenece a un sitio o a toda la organización: elíjalo en Iniciar una ronda o cámbielo en la página de la ronda. Agregue, cambie de nombre o quite sitios en Organizaciones, vínculos y vencimientos…; quitar un sitio que tiene rondas pide confirmación primero y las pasa a toda la organización; no se borra nada. El consolidado muestra ambos niveles: la fila de cada organización y luego las rondas más recientes de sus sitios (la pestaña Organizaciones por sitio, la hoja Sitios del libro, una tabla en la página de la organización del PDF). Los sitios no cuentan en las cifras del estado.</translation>
    </message>
    <message>
        <source>Who is due: each instrument says how often it is repeated (six months for the SMS OAT). The next round is due that long after the end of the last round&apos;s review period. The Due and overdue tab lists who is overdue, never reported or due soon on a chosen day, and exports the list as CSV or XLSX for follow-up. The agency&apos;s home page shows its own next-due date.</source>
        <translation>Rondas pendientes: cada instrumento indica cada cuánto se repite (seis meses para el SMS OAT). La próxima ronda corresponde ese tiempo después del fin del período evaluado de la última ronda. La pestaña Pendientes y atrasadas muestra, para el día elegido, qué organizaciones están atrasadas, nunca informaron o tienen una ronda que vence pronto, y exporta la lista como CSV o XLSX para el seguimiento. La página de inicio de cada organización muestra la fecha de su próxima ronda.</translation>
    </message>
    <message>
        <source>For the state coordinator</source>
        <translation>Para la coordinación estatal</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>no change</source>
        <translation>sin cambio</translation>
    </message>
    <message>
        <source>No change: the band metric differs from the round before.</source>
        <translation>Sin cambio: la medida de los niveles difiere de la ronda anterior.</translation>
    </message>
    <message>
        <source>Change compares consensus with consensus.</source>
        <translation>El cambio compara consenso con consenso.</translation>
    </message>
    <message>
        <source>Change compares team mean with team mean.</source>
        <translation>El cambio compara media del equipo con media del equipo.</translation>
    </message>
    <message>
        <source>Rounds over time</source>
        <translation>Rondas en el tiempo</translation>
    </message>
    <message>
        <source>Scores of every round with the change since the one before</source>
        <translation>Puntuaciones de cada ronda con el cambio respecto de la anterior</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Ronda</translation>
    </message>
    <message>
        <source>Scores from</source>
        <translation>Basadas en</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Global</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>consensus</source>
        <translation>consenso</translation>
    </message>
    <message>
        <source>team mean</source>
        <translation>media del equipo</translation>
    </message>
    <message numerus="yes">
        <source>{0}: %n round(s) of {1}. ▲ higher than the round before, ▼ lower.</source>
        <translation>
            <numerusform>{0}: %n ronda de {1}. ▲ más alto que la ronda anterior, ▼ más bajo.</numerusform>
            <numerusform>{0}: %n rondas de {1}. ▲ más alto que la ronda anterior, ▼ más bajo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Agencies and assessment rounds</source>
        <translation>Organizaciones y rondas de evaluación</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>Im&amp;portar archivos…</translation>
    </message>
    <message>
        <source>Import exchange files from agencies</source>
        <translation>Importar archivos de intercambio de las organizaciones</translation>
    </message>
    <message>
        <source>State &amp;coordinator view</source>
        <translation>Vista de &amp;coordinación estatal</translation>
    </message>
    <message>
        <source>Open the state coordinator view: who reported and the state picture</source>
        <translation>Abrir la vista de coordinación estatal: quién informó y el panorama del estado</translation>
    </message>
    <message>
        <source>Welcome. An organizational self-assessment works in four steps:
1. Create your agency and start a round (an instrument and a review period).
2. Add the team: at least two people with different roles.
3. Hand the laptop around: each person rates every item alone. Every click is saved at once.
4. Meet as a team, agree the scores, print the scorecard and plan improvements.
Try the demo to see a finished round, or create your agency to begin.</source>
        <translation>Le damos la bienvenida. Una autoevaluación organizacional se hace en cuatro pasos:
1. Cree su organización e inicie una ronda (un instrumento y un período evaluado).
2. Agregue al equipo: al menos dos personas con funciones distintas.
3. Pase la computadora de una persona a otra: cada una califica todos los ítems a solas. Cada clic se guarda al instante.
4. Reúnanse en equipo, acuerden las puntuaciones, impriman la tarjeta de puntuación y planifiquen mejoras.
Pruebe la demostración para ver una ronda terminada, o cree su organización para empezar.</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>Abrir la &amp;demostración</translation>
    </message>
    <message>
        <source>Create and open the demo agency</source>
        <translation>Crear y abrir la organización de demostración</translation>
    </message>
    <message>
        <source>Create &amp;my agency</source>
        <translation>Crear &amp;mi organización</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>Organizaciones</translation>
    </message>
    <message>
        <source>Choose an agency to list its rounds.</source>
        <translation>Elija una organización para ver sus rondas.</translation>
    </message>
    <message>
        <source>&amp;New agency…</source>
        <translation>&amp;Nueva organización…</translation>
    </message>
    <message>
        <source>Edi&amp;t…</source>
        <translation>Edi&amp;tar…</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>&amp;Agencies</source>
        <translation>&amp;Organizaciones</translation>
    </message>
    <message>
        <source>Rounds of the selected agency</source>
        <translation>Rondas de la organización seleccionada</translation>
    </message>
    <message>
        <source>Enter opens the selected round.</source>
        <translation>Intro abre la ronda seleccionada.</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Ronda</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <source>Review period</source>
        <translation>Período evaluado</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminaron</translation>
    </message>
    <message>
        <source>&amp;Start a round…</source>
        <translation>&amp;Iniciar una ronda…</translation>
    </message>
    <message>
        <source>&amp;Open round</source>
        <translation>A&amp;brir ronda</translation>
    </message>
    <message>
        <source>E&amp;xport for the state…</source>
        <translation>E&amp;xportar para el estado…</translation>
    </message>
    <message>
        <source>Export the selected round as one file for the state coordinator</source>
        <translation>Exportar la ronda seleccionada como un archivo para la coordinación estatal</translation>
    </message>
    <message>
        <source>Delete round…</source>
        <translation>Eliminar ronda…</translation>
    </message>
    <message>
        <source>Delete the selected round (a backup copy is made first)</source>
        <translation>Eliminar la ronda seleccionada (antes se hace una copia de seguridad)</translation>
    </message>
    <message>
        <source>&amp;Rounds</source>
        <translation>&amp;Rondas</translation>
    </message>
    <message>
        <source>Next round due</source>
        <translation>Próxima ronda</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>{0}: the next round was due on {1} (overdue).</source>
        <translation>{0}: la próxima ronda correspondía el {1} (atrasada).</translation>
    </message>
    <message>
        <source>{0}: the next round is due on {1} (soon).</source>
        <translation>{0}: la próxima ronda corresponde el {1} (pronto).</translation>
    </message>
    <message>
        <source>{0}: the next round is due on {1}.</source>
        <translation>{0}: la próxima ronda corresponde el {1}.</translation>
    </message>
</context>
<context>
    <name>ImplementationGroup</name>
    <message>
        <source>Show or hide the target population, supports, roles and training</source>
        <translation>Mostrar u ocultar la población objetivo, los apoyos, los roles y la capacitación</translation>
    </message>
    <message>
        <source>Target population:</source>
        <translation>Población objetivo:</translation>
    </message>
    <message>
        <source>Target population</source>
        <translation>Población objetivo</translation>
    </message>
    <message>
        <source>Supports and resources:</source>
        <translation>Apoyos y recursos:</translation>
    </message>
    <message>
        <source>Supports and resources</source>
        <translation>Apoyos y recursos</translation>
    </message>
    <message>
        <source>Care-team roles:</source>
        <translation>Roles del equipo de atención:</translation>
    </message>
    <message>
        <source>Care-team roles</source>
        <translation>Roles del equipo de atención</translation>
    </message>
    <message>
        <source>Training needed:</source>
        <translation>Capacitación necesaria:</translation>
    </message>
    <message>
        <source>Training needed</source>
        <translation>Capacitación necesaria</translation>
    </message>
    <message>
        <source>e.g. adults with diabetes seen at the main clinic</source>
        <translation>p. ej., adultos con diabetes atendidos en la clínica principal</translation>
    </message>
    <message>
        <source>e.g. goal-setting worksheet, group visits, a peer coach</source>
        <translation>p. ej., hoja para fijar metas, visitas grupales, un acompañante par</translation>
    </message>
    <message>
        <source>e.g. the nurse sets goals, the medical assistant follows up</source>
        <translation>p. ej., la enfermera fija las metas, el asistente médico hace el seguimiento</translation>
    </message>
    <message>
        <source>e.g. two hours of motivational interviewing for nurses</source>
        <translation>p. ej., dos horas de entrevista motivacional para el personal de enfermería</translation>
    </message>
    <message>
        <source>Implementation: {0} of {1} filled</source>
        <translation>Implementación: {0} de {1} completados</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import exchange files</source>
        <translation>Importar archivos de intercambio</translation>
    </message>
    <message>
        <source>Choose the .smsoat files the agencies sent, or a folder of them. You see what each file holds and what importing it would do before anything is written.</source>
        <translation>Elija los archivos .smsoat que enviaron las organizaciones, o una carpeta que los contenga. Verá qué contiene cada archivo y qué haría la importación antes de que se escriba nada.</translation>
    </message>
    <message>
        <source>Choose &amp;files…</source>
        <translation>Elegir &amp;archivos…</translation>
    </message>
    <message>
        <source>Choose exchange files to import</source>
        <translation>Elegir archivos de intercambio para importar</translation>
    </message>
    <message>
        <source>Choose a f&amp;older…</source>
        <translation>Elegir una &amp;carpeta…</translation>
    </message>
    <message>
        <source>Choose a folder of exchange files</source>
        <translation>Elegir una carpeta de archivos de intercambio</translation>
    </message>
    <message>
        <source>Files and what importing does with each</source>
        <translation>Archivos y qué hace la importación con cada uno</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Ronda</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Qué pasa</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <source>Accept the &amp;new key of an agency that now signs with another key (only after checking its fingerprint with the agency by phone)</source>
        <translation>Aceptar la clave &amp;nueva de una organización que ahora firma con otra clave (solo después de comprobar su huella con la organización por teléfono)</translation>
    </message>
    <message>
        <source>Accept a changed agency key</source>
        <translation>Aceptar una clave de organización cambiada</translation>
    </message>
    <message>
        <source>No files chosen yet.</source>
        <translation>Todavía no se eligió ningún archivo.</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Resumen de la importación</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Avance de la importación</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Cance&amp;lar</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Cancelar la importación</translation>
    </message>
    <message>
        <source>Stops after the file being imported; the files already imported stay.</source>
        <translation>Se detiene después del archivo que se está importando; los archivos ya importados se conservan.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>Import the files shown</source>
        <translation>Importar los archivos mostrados</translation>
    </message>
    <message>
        <source>SMS OAT exchange files (*.smsoat)</source>
        <translation>Archivos de intercambio de SMS OAT (*.smsoat)</translation>
    </message>
    <message>
        <source>Import a folder of exchange files</source>
        <translation>Importar una carpeta de archivos de intercambio</translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation>Leyendo los archivos…</translation>
    </message>
    <message>
        <source>No .smsoat files found there.</source>
        <translation>No se encontraron archivos .smsoat ahí.</translation>
    </message>
    <message>
        <source>{0}: {1} to import, {2} with nothing to do, {3}. Nothing has been written yet.</source>
        <translation>{0}: {1} para importar, {2} sin nada que hacer, {3}. Todavía no se ha escrito nada.</translation>
    </message>
    <message>
        <source>Refused: {0}</source>
        <translation>Rechazado: {0}</translation>
    </message>
    <message>
        <source>Replaced the round “{0}” here</source>
        <translation>Reemplazó la ronda “{0}” de aquí</translation>
    </message>
    <message>
        <source>Replaces the round “{0}” here</source>
        <translation>Reemplaza la ronda “{0}” de aquí</translation>
    </message>
    <message>
        <source>Renamed the agency “{0}” to “{1}”</source>
        <translation>Cambió el nombre de la organización “{0}” a “{1}”</translation>
    </message>
    <message>
        <source>Renames the agency “{0}” to “{1}”</source>
        <translation>Cambia el nombre de la organización “{0}” a “{1}”</translation>
    </message>
    <message>
        <source>Changes: {0}</source>
        <translation>Cambios: {0}</translation>
    </message>
    <message>
        <source> … and {0} more</source>
        <translation> … y {0} más</translation>
    </message>
    <message>
        <source>Same state identifier as the agency “{0}” here: if it is the same agency, link them in the coordinator view (Agencies, links and due…)</source>
        <translation>Mismo identificador estatal que la organización “{0}” de aquí: si es la misma organización, vincúlelas en la vista de coordinación (Organizaciones, vínculos y pendientes…)</translation>
    </message>
    <message>
        <source>Copy of {0} in this batch: imported once, nothing more to do</source>
        <translation>Copia de {0} en este lote: se importa una sola vez, no hay nada más que hacer</translation>
    </message>
    <message>
        <source>sealed</source>
        <translation>sellado</translation>
    </message>
    <message>
        <source>not sealed</source>
        <translation>sin sellar</translation>
    </message>
    <message>
        <source>{0}, unsigned (older format)</source>
        <translation>{0}, sin firma (formato anterior)</translation>
    </message>
    <message>
        <source>{0}, signed with key {1}</source>
        <translation>{0}, firmado con la clave {1}</translation>
    </message>
    <message>
        <source>{0}, signed by {1}, key {2}, first seen {3}</source>
        <translation>{0}, firmado por {1}, clave {2}, vista por primera vez el {3}</translation>
    </message>
    <message>
        <source>(a NEW key for this agency, accepted)</source>
        <translation>(una clave NUEVA de esta organización, aceptada)</translation>
    </message>
    <message>
        <source>(first file from this key: trusted from now on)</source>
        <translation>(primer archivo con esta clave: de confianza a partir de ahora)</translation>
    </message>
    <message>
        <source>Envelope: {0}</source>
        <translation>Sobre: {0}</translation>
    </message>
    <message>
        <source>New: a round not here yet</source>
        <translation>Nueva: una ronda que todavía no está aquí</translation>
    </message>
    <message>
        <source>Newer revision of a round here: it replaces that round (the old one stays in the change log)</source>
        <translation>Versión más reciente de una ronda de aquí: reemplaza esa ronda (la anterior queda en el registro de cambios)</translation>
    </message>
    <message>
        <source>Exact duplicate of the round here: nothing to do</source>
        <translation>Copia idéntica de la ronda de aquí: nada que hacer</translation>
    </message>
    <message>
        <source>Older than the copy here: the copy here is kept</source>
        <translation>Más antigua que la copia de aquí: se conserva la copia de aquí</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message numerus="yes">
        <source>Imported {0} of %n file(s)…</source>
        <translation>
            <numerusform>Importados {0} de %n archivo…</numerusform>
            <numerusform>Importados {0} de %n archivos…</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported {0}; {1} unchanged; {2}.</source>
        <translation>Importado: {0}; sin cambios: {1}; {2}.</translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n file(s) not imported.</source>
        <translation>
            <numerusform>Detenido: %n archivo no se importó.</numerusform>
            <numerusform>Detenido: %n archivos no se importaron.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import running</source>
        <translation>Importación en curso</translation>
    </message>
    <message>
        <source>An import is running. Stop it and close?</source>
        <translation>Hay una importación en curso. ¿Detenerla y cerrar?</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>Se detendrá después del archivo actual…</translation>
    </message>
    <message>
        <source>Not imported: stopped before it</source>
        <translation>No se importó: se detuvo antes</translation>
    </message>
    <message>
        <source>Imported: a new round</source>
        <translation>Importado: una ronda nueva</translation>
    </message>
    <message>
        <source>Imported: replaced the round here (the old one is in the change log)</source>
        <translation>Importado: reemplazó la ronda de aquí (la anterior está en el registro de cambios)</translation>
    </message>
    <message>
        <source>Unchanged: exactly the same as the round here</source>
        <translation>Sin cambios: idéntico a la ronda de aquí</translation>
    </message>
    <message>
        <source>Unchanged: the round here is newer than the file</source>
        <translation>Sin cambios: la ronda de aquí es más reciente que el archivo</translation>
    </message>
    <message>
        <source>Not done: {0}</source>
        <translation>No se hizo: {0}</translation>
    </message>
</context>
<context>
    <name>IndividualSummary</name>
    <message>
        <source>Team summary: each person answers for themselves, so there is no consensus meeting.</source>
        <translation>Resumen del equipo: cada persona responde por sí misma, así que no hay reunión de consenso.</translation>
    </message>
    <message>
        <source>Mean converted score: {0} of 100 — {1}. Median {2}, range {3}–{4}, over {5} of {6} team members with a converted score.</source>
        <translation>Puntuación convertida media: {0} de 100 — {1}. Mediana {2}, rango {3}–{4}, sobre {5} de {6} miembros del equipo con puntuación convertida.</translation>
    </message>
    <message>
        <source>By band: {0}</source>
        <translation>Por nivel: {0}</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Exchange keys</source>
        <translation>Intercambiar claves</translation>
    </message>
    <message>
        <source>Exports are sealed so that only the state coordinator can open them, and signed so that the coordinator sees which agency sent them. Keys stay in the data folder and go into every backup; save them with a passphrase to move them to a new laptop.</source>
        <translation>Las exportaciones se sellan para que solo la coordinación estatal pueda abrirlas, y se firman para que la coordinación vea qué organización las envió. Las claves quedan en la carpeta de datos y se incluyen en cada copia de seguridad; guárdelas con una frase de contraseña para pasarlas a una computadora nueva.</translation>
    </message>
    <message>
        <source>This laptop&apos;s coordinator key (state office)</source>
        <translation>Clave de coordinación de esta computadora (oficina estatal)</translation>
    </message>
    <message>
        <source>Fingerprint of the coordinator key</source>
        <translation>Huella de la clave de coordinación</translation>
    </message>
    <message>
        <source>&amp;Fingerprint:</source>
        <translation>&amp;Huella:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy the fingerprint</source>
        <translation>Copiar la huella</translation>
    </message>
    <message>
        <source>Coordinator public key</source>
        <translation>Clave pública de coordinación</translation>
    </message>
    <message>
        <source>P&amp;ublic key:</source>
        <translation>Clave &amp;pública:</translation>
    </message>
    <message>
        <source>C&amp;reate the coordinator key pair</source>
        <translation>C&amp;rear el par de claves de coordinación</translation>
    </message>
    <message>
        <source>&amp;Save the public key file…</source>
        <translation>&amp;Guardar el archivo de clave pública…</translation>
    </message>
    <message>
        <source>Save the public key file to hand to agencies</source>
        <translation>Guardar el archivo de clave pública para entregarlo a las organizaciones</translation>
    </message>
    <message>
        <source>Coordinator keys that seal this agency&apos;s exports</source>
        <translation>Claves de coordinación que sellan las exportaciones de esta organización</translation>
    </message>
    <message>
        <source>Installed coordinator keys</source>
        <translation>Claves de coordinación instaladas</translation>
    </message>
    <message>
        <source>&amp;Add a coordinator&apos;s public key…</source>
        <translation>&amp;Agregar una clave pública de coordinación…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the chosen coordinator key</source>
        <translation>Quitar la clave de coordinación elegida</translation>
    </message>
    <message>
        <source>This agency&apos;s signing key</source>
        <translation>Clave de firma de esta organización</translation>
    </message>
    <message>
        <source>Moving to a new laptop</source>
        <translation>Pasar a una computadora nueva</translation>
    </message>
    <message>
        <source>Save all &amp;keys with a passphrase…</source>
        <translation>Guardar todas las c&amp;laves con una frase de contraseña…</translation>
    </message>
    <message>
        <source>Res&amp;tore keys from a file…</source>
        <translation>Res&amp;taurar claves desde un archivo…</translation>
    </message>
    <message>
        <source>Restore keys saved with a passphrase</source>
        <translation>Restaurar claves guardadas con una frase de contraseña</translation>
    </message>
    <message>
        <source>Keys status</source>
        <translation>Estado de las claves</translation>
    </message>
    <message>
        <source>No coordinator key here. A state office makes one, once; agencies do not need one.</source>
        <translation>Aquí no hay ninguna clave de coordinación. La oficina estatal crea una, una sola vez; las organizaciones no la necesitan.</translation>
    </message>
    <message>
        <source>Files sealed for this key open here. Read the fingerprint to agencies over the phone so they can check the public key file they received.</source>
        <translation>Los archivos sellados para esta clave se abren aquí. Lea la huella a las organizaciones por teléfono para que puedan comprobar el archivo de clave pública que recibieron.</translation>
    </message>
    <message>
        <source>Fingerprint {0}  (key {1})</source>
        <translation>Huella {0}  (clave {1})</translation>
    </message>
    <message>
        <source>None: exports are not sealed (anyone who finds a file can read it).</source>
        <translation>Ninguna: las exportaciones no se sellan (cualquiera que encuentre un archivo puede leerlo).</translation>
    </message>
    <message>
        <source>Made on the first export from this data.</source>
        <translation>Se crea en la primera exportación de estos datos.</translation>
    </message>
    <message>
        <source>Fingerprint: {0}</source>
        <translation>Huella: {0}</translation>
    </message>
    <message>
        <source>Fingerprint copied.</source>
        <translation>Huella copiada.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>Repita la frase de contraseña:</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was written.</source>
        <translation>Las dos frases de contraseña no coinciden; no se escribió nada.</translation>
    </message>
    <message>
        <source>Coordinator key made, fingerprint {0}. Save the public key file for the agencies, and save all keys with a passphrase: without a copy, files sealed for this key cannot be opened on another laptop.</source>
        <translation>Clave de coordinación creada, huella {0}. Guarde el archivo de clave pública para las organizaciones y guarde todas las claves con una frase de contraseña: sin una copia, los archivos sellados para esta clave no se podrán abrir en otra computadora.</translation>
    </message>
    <message>
        <source>Save the public key file</source>
        <translation>Guardar el archivo de clave pública</translation>
    </message>
    <message>
        <source>Public key files (*.pub);;All files (*)</source>
        <translation>Archivos de clave pública (*.pub);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Saved the public key file {0}. Give it to the agencies.</source>
        <translation>Se guardó el archivo de clave pública {0}. Entréguelo a las organizaciones.</translation>
    </message>
    <message>
        <source>Add a coordinator&apos;s public key</source>
        <translation>Agregar una clave pública de coordinación</translation>
    </message>
    <message>
        <source>Public key files (*.pub *.txt);;All files (*)</source>
        <translation>Archivos de clave pública (*.pub *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{0} holds keys saved with a passphrase, not a public key: use “Restore keys from a file…”. Nothing was changed.</source>
        <translation>{0} contiene claves guardadas con una frase de contraseña, no una clave pública: use “Restaurar claves desde un archivo…”. No se cambió nada.</translation>
    </message>
    <message>
        <source>Exports are now sealed for the key with fingerprint {0}. Check it with the state coordinator by phone.</source>
        <translation>Ahora las exportaciones se sellan para la clave con huella {0}. Compruébela por teléfono con la coordinación estatal.</translation>
    </message>
    <message>
        <source>That coordinator key was already installed.</source>
        <translation>Esa clave de coordinación ya estaba instalada.</translation>
    </message>
    <message>
        <source>Stop sealing exports for this coordinator key? Files already sent stay as they are.</source>
        <translation>¿Dejar de sellar las exportaciones para esta clave de coordinación? Los archivos ya enviados quedan como están.</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Se quitó.</translation>
    </message>
    <message>
        <source>Removed. No coordinator key is left: exports will not be sealed.</source>
        <translation>Se quitó. No queda ninguna clave de coordinación: las exportaciones no se sellarán.</translation>
    </message>
    <message>
        <source>There are no keys here to save yet.</source>
        <translation>Todavía no hay claves aquí para guardar.</translation>
    </message>
    <message>
        <source>Save all keys with a passphrase</source>
        <translation>Guardar todas las claves con una frase de contraseña</translation>
    </message>
    <message>
        <source>Saved keys (*.age);;All files (*)</source>
        <translation>Claves guardadas (*.age);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Give a passphrase to protect the keys.</source>
        <translation>Indique una frase de contraseña para proteger las claves.</translation>
    </message>
    <message>
        <source>Saved the keys to {0}, protected by the passphrase. Keep the file and the passphrase apart.</source>
        <translation>Se guardaron las claves en {0}, protegidas con la frase de contraseña. Guarde el archivo y la frase de contraseña por separado.</translation>
    </message>
    <message>
        <source>Restore keys from a file</source>
        <translation>Restaurar claves desde un archivo</translation>
    </message>
    <message>
        <source>{0} is not a keys file saved with a passphrase (a public key file is added with “Add a coordinator&apos;s public key…”). Nothing was changed.</source>
        <translation>{0} no es un archivo de claves guardado con una frase de contraseña (un archivo de clave pública se agrega con “Agregar una clave pública de coordinación…”). No se cambió nada.</translation>
    </message>
    <message>
        <source>Restored {0} key file(s).</source>
        <translation>Se restauraron {0} archivo(s) de claves.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Procesando…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source> (read-only)</source>
        <translation> (solo lectura)</translation>
    </message>
    <message>
        <source>Data file: {0}</source>
        <translation>Archivo de datos: {0}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New agency…</source>
        <translation>&amp;Nueva organización…</translation>
    </message>
    <message>
        <source>&amp;Start a round…</source>
        <translation>&amp;Iniciar una ronda…</translation>
    </message>
    <message>
        <source>Scorecard &amp;with team comments</source>
        <translation>Tarjeta de puntuación con comentarios del &amp;equipo</translation>
    </message>
    <message>
        <source>Save the &amp;action plan as PDF…</source>
        <translation>Guardar el &amp;plan de acción como PDF…</translation>
    </message>
    <message>
        <source>E&amp;xport the round for the state…</source>
        <translation>E&amp;xportar la ronda para el estado…</translation>
    </message>
    <message>
        <source>&amp;Import files from agencies…</source>
        <translation>I&amp;mportar archivos de las organizaciones…</translation>
    </message>
    <message>
        <source>Add instr&amp;ument…</source>
        <translation>Agregar instr&amp;umento…</translation>
    </message>
    <message>
        <source>Exchange &amp;keys…</source>
        <translation>Intercambiar c&amp;laves…</translation>
    </message>
    <message>
        <source>&amp;Back up data…</source>
        <translation>Hacer una &amp;copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Restaurar una copia de seguridad…</translation>
    </message>
    <message>
        <source>Open data &amp;folder</source>
        <translation>Abrir la carpeta de &amp;datos</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <source>State &amp;coordinator view</source>
        <translation>Vista de &amp;coordinación estatal</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>Texto más &amp;grande</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>Texto más &amp;pequeño</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Ronda</translation>
    </message>
    <message>
        <source>&amp;Open the results…</source>
        <translation>&amp;Abrir los resultados…</translation>
    </message>
    <message>
        <source>&amp;Keep private until the meeting…</source>
        <translation>Mantener &amp;privada hasta la reunión…</translation>
    </message>
    <message>
        <source>Set &amp;my PIN…</source>
        <translation>Definir &amp;mi PIN…</translation>
    </message>
    <message>
        <source>&amp;Reset this person&apos;s PIN…</source>
        <translation>&amp;Restablecer el PIN de esta persona…</translation>
    </message>
    <message>
        <source>&amp;Facilitate as…</source>
        <translation>&amp;Facilitar como…</translation>
    </message>
    <message>
        <source>History of &amp;changes…</source>
        <translation>&amp;Historial de cambios…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Guide to the self-assessment</source>
        <translation>&amp;Guía de la autoevaluación</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Acerca de</translation>
    </message>
    <message>
        <source>Open or select a round first.</source>
        <translation>Primero abra o seleccione una ronda.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n round(s)</source>
        <translation>
            <numerusform>Se importó %n ronda</numerusform>
            <numerusform>Se importaron %n rondas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• {0}: {1} of %n item(s) answered</source>
        <translation>
            <numerusform>• {0}: {1} de %n ítem respondido</numerusform>
            <numerusform>• {0}: {1} de %n ítems respondidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete {0}? This also deletes its {1}, {2} and {3}. This cannot be undone (automatic backups keep earlier copies).</source>
        <translation>¿Eliminar {0}? También se eliminarán: {1}, {2} y {3}. Esto no se puede deshacer (las copias de seguridad automáticas conservan versiones anteriores).</translation>
    </message>
    <message numerus="yes">
        <source>Remove {0} and their %n answer(s)? This cannot be undone; a backup copy is made first. (Withdraw keeps the answers and leaves them out of every score instead.)</source>
        <translation>
            <numerusform>¿Quitar a {0} y su %n respuesta? Esto no se puede deshacer; antes se hace una copia de seguridad. (Retirar, en cambio, conserva las respuestas y las deja fuera de toda puntuación.)</numerusform>
            <numerusform>¿Quitar a {0} y sus %n respuestas? Esto no se puede deshacer; antes se hace una copia de seguridad. (Retirar, en cambio, conserva las respuestas y las deja fuera de toda puntuación.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Withdraw {0} from this round? Their %n answer(s) are kept but left out of every score, report and export until they are reinstated. The change log records it.</source>
        <translation>
            <numerusform>¿Retirar a {0} de esta ronda? Su %n respuesta se conserva, pero queda fuera de toda puntuación, informe y exportación hasta que se le reincorpore. El historial de cambios lo registra.</numerusform>
            <numerusform>¿Retirar a {0} de esta ronda? Sus %n respuestas se conservan, pero quedan fuera de toda puntuación, informe y exportación hasta que se le reincorpore. El historial de cambios lo registra.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the round {0} of {1}? This deletes its {2}, {3}, {4} and {5}. This cannot be undone; a backup copy is made first.</source>
        <translation>¿Eliminar la ronda {0} de {1}? Se eliminarán: {2}, {3}, {4} y {5}. Esto no se puede deshacer; antes se hace una copia de seguridad.</translation>
    </message>
    <message>
        <source>The demo agency is already here; nothing was added.</source>
        <translation>La organización de demostración ya está aquí; no se agregó nada.</translation>
    </message>
    <message>
        <source>The results are open.</source>
        <translation>Los resultados están abiertos.</translation>
    </message>
    <message>
        <source>Open a round and select a team member first.</source>
        <translation>Primero abra una ronda y seleccione a un integrante del equipo.</translation>
    </message>
    <message>
        <source>Private until the meeting</source>
        <translation>Privada hasta la reunión</translation>
    </message>
    <message>
        <source>This round is already private until the meeting.</source>
        <translation>Esta ronda ya es privada hasta la reunión.</translation>
    </message>
    <message>
        <source>Keep this round private until the meeting? Each person&apos;s answers, their scores and the team&apos;s results close until the facilitator opens them. The change log records it.</source>
        <translation>¿Mantener esta ronda privada hasta la reunión? Las respuestas de cada persona, sus puntuaciones y los resultados del equipo quedan cerrados hasta que el facilitador los abra. El historial de cambios lo registra.</translation>
    </message>
    <message>
        <source>The round is private until the meeting.</source>
        <translation>La ronda es privada hasta la reunión.</translation>
    </message>
    <message>
        <source>Close {0}? Its answers, agreed scores and team are locked; the scorecard and action plan can still be printed. It can be reopened later.</source>
        <translation>¿Cerrar {0}? Sus respuestas, puntuaciones acordadas y equipo quedan bloqueados; la tarjeta de puntuación y el plan de acción se pueden seguir imprimiendo. Se puede reabrir más adelante.</translation>
    </message>
    <message>
        <source>Close round</source>
        <translation>Cerrar la ronda</translation>
    </message>
    <message>
        <source>Reopen {0}? Its answers can then be changed again. Reopening is recorded in the change log.</source>
        <translation>¿Reabrir {0}? Así sus respuestas se podrán volver a cambiar. La reapertura queda anotada en el registro de cambios.</translation>
    </message>
    <message>
        <source>Reopen round</source>
        <translation>Reabrir la ronda</translation>
    </message>
    <message>
        <source>Team members who have not finished:</source>
        <translation>Integrantes del equipo que no han terminado:</translation>
    </message>
    <message>
        <source>Flagged items without an agreed answer ({0}): {1}</source>
        <translation>Ítems con señales sin respuesta acordada ({0}): {1}</translation>
    </message>
    <message>
        <source>Open a round first.</source>
        <translation>Primero abra una ronda.</translation>
    </message>
    <message>
        <source>Save the scorecard as PDF</source>
        <translation>Guardar la tarjeta de puntuación como PDF</translation>
    </message>
    <message>
        <source>Save the action plan as PDF</source>
        <translation>Guardar el plan de acción como PDF</translation>
    </message>
    <message>
        <source>Save my copy as PDF</source>
        <translation>Guardar mi copia en PDF</translation>
    </message>
    <message>
        <source>Save the blank paper form as PDF</source>
        <translation>Guardar el formulario en blanco como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Building the PDF…</source>
        <translation>Generando el PDF…</translation>
    </message>
    <message>
        <source>PDF not written</source>
        <translation>No se escribió el PDF</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Se guardó {0}</translation>
    </message>
    <message>
        <source>PDF saved</source>
        <translation>PDF guardado</translation>
    </message>
    <message>
        <source>Some characters could not be printed and show as □: {0}</source>
        <translation>Algunos caracteres no se pudieron imprimir y aparecen como □: {0}</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Mostrar en la &amp;carpeta</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>No se pudo hacer</translation>
    </message>
    <message>
        <source>Delete {0}? It has no rounds yet.</source>
        <translation>¿Eliminar {0}? Todavía no tiene rondas.</translation>
    </message>
    <message>
        <source>Delete agency</source>
        <translation>Eliminar organización</translation>
    </message>
    <message>
        <source>Start a round</source>
        <translation>Iniciar una ronda</translation>
    </message>
    <message>
        <source>Create or choose an agency first.</source>
        <translation>Primero cree o elija una organización.</translation>
    </message>
    <message>
        <source>Remove team member</source>
        <translation>Quitar integrante del equipo</translation>
    </message>
    <message>
        <source>Remove {0} from this round?</source>
        <translation>¿Quitar a {0} de esta ronda?</translation>
    </message>
    <message>
        <source>Instrument files not used</source>
        <translation>Archivos de instrumento no usados</translation>
    </message>
    <message numerus="yes">
        <source>%n instrument file(s) could not be used; the other instruments work as usual. Fix each file (smsoat instrument check FILE shows every problem) and restart.</source>
        <translation>
            <numerusform>%n archivo de instrumento no se pudo usar; los demás instrumentos funcionan como siempre. Corrija el archivo (smsoat instrument check ARCHIVO muestra cada problema) y reinicie.</numerusform>
            <numerusform>%n archivos de instrumento no se pudieron usar; los demás instrumentos funcionan como siempre. Corrija cada archivo (smsoat instrument check ARCHIVO muestra cada problema) y reinicie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print a b&amp;lank paper form…</source>
        <translation>Imprimir un formulario en &amp;blanco…</translation>
    </message>
    <message>
        <source>Save the sc&amp;orecard as PDF…</source>
        <translation>Guardar la &amp;tarjeta de puntuación como PDF…</translation>
    </message>
    <message>
        <source>Withdraw team member</source>
        <translation>Retirar integrante del equipo</translation>
    </message>
    <message>
        <source>Delete round</source>
        <translation>Eliminar ronda</translation>
    </message>
    <message>
        <source>Done. A backup copy was made first: {0}</source>
        <translation>Hecho. Antes se hizo una copia de seguridad: {0}</translation>
    </message>
    <message>
        <source>Back up data</source>
        <translation>Copia de seguridad de los datos</translation>
    </message>
    <message>
        <source>SMS OAT data (*.sqlite3)</source>
        <translation>Datos de SMS OAT (*.sqlite3)</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>Escribiendo la copia de seguridad…</translation>
    </message>
    <message>
        <source>Backup written to {0}</source>
        <translation>Copia de seguridad guardada en {0}</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>No se pudo hacer la copia de seguridad</translation>
    </message>
    <message>
        <source>Replace the current data with the copy made {0} ({1}, {2}, {3})? The current data file is kept aside in the backups folder.</source>
        <translation>¿Reemplazar los datos actuales por la copia hecha el {0} ({1}, {2}, {3})? El archivo de datos actual se guarda aparte en la carpeta de copias de seguridad.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>Restored the copy of {0}</source>
        <translation>Se restauró la copia {0}</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Guía</translation>
    </message>
    <message>
        <source>Guide to the self-assessment</source>
        <translation>Guía de la autoevaluación</translation>
    </message>
    <message>
        <source>Offline organizational self-assessment of self-management support.</source>
        <translation>Autoevaluación organizacional del apoyo al automanejo, sin conexión a internet.</translation>
    </message>
    <message>
        <source>Instruments:</source>
        <translation>Instrumentos:</translation>
    </message>
    <message>
        <source>About {0}</source>
        <translation>Acerca de {0}</translation>
    </message>
    <message>
        <source>The page range holds no page of this report.</source>
        <translation>El intervalo de páginas no incluye ninguna página de este informe.</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is on and set up.</source>
        <translation>No se pudo iniciar la impresora. Compruebe que esté encendida y configurada.</translation>
    </message>
    <message>
        <source>The printer stopped taking pages.</source>
        <translation>La impresora dejó de aceptar páginas.</translation>
    </message>
    <message>
        <source>The printer reported an error. Check it and try again.</source>
        <translation>La impresora informó de un error. Revísela e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>The &amp;scorecard…</source>
        <translation>El &amp;informe de resultados…</translation>
    </message>
    <message>
        <source>The &amp;action plan…</source>
        <translation>El &amp;plan de acción…</translation>
    </message>
    <message>
        <source>A &amp;blank paper form…</source>
        <translation>Un formulario en papel en &amp;blanco…</translation>
    </message>
    <message>
        <source>The selected person&apos;s &amp;copy…</source>
        <translation>La &amp;copia de la persona seleccionada…</translation>
    </message>
    <message>
        <source>Preparing the pages…</source>
        <translation>Preparando las páginas…</translation>
    </message>
    <message>
        <source>Nothing printed</source>
        <translation>No se imprimió nada</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. Set one up in the system&apos;s settings, or use File › Print / Save PDF… and print the file from another computer.</source>
        <translation>No hay ninguna impresora configurada en este equipo. Configure una en los ajustes del sistema, o use Archivo › Imprimir / Guardar PDF… e imprima el archivo desde otro equipo.</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>Impresión cancelada.</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>Se envió %n página a la impresora.</numerusform>
            <numerusform>Se enviaron %n páginas a la impresora.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingPage</name>
    <message>
        <source>&amp;Why the team agreed on this (short rationale):</source>
        <translation>&amp;Por qué el equipo lo acordó (justificación breve):</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Justificación</translation>
    </message>
    <message>
        <source>← &amp;Previous</source>
        <translation>← A&amp;nterior</translation>
    </message>
    <message>
        <source>&amp;Next →</source>
        <translation>&amp;Siguiente →</translation>
    </message>
    <message>
        <source>Fla&amp;gged items only</source>
        <translation>Solo ítems con seña&amp;les</translation>
    </message>
    <message>
        <source>What team members wrote about this item</source>
        <translation>Lo que escribieron los integrantes sobre este ítem</translation>
    </message>
    <message>
        <source>Saved when you pause typing and when you leave the box.</source>
        <translation>Se guarda cuando usted deja de escribir y cuando sale del cuadro.</translation>
    </message>
    <message>
        <source>En&amp;d meeting</source>
        <translation>&amp;Terminar la reunión</translation>
    </message>
    <message>
        <source>Agreed answer:</source>
        <translation>Respuesta acordada:</translation>
    </message>
    <message>
        <source>Consensus meeting · {0} · {1}</source>
        <translation>Reunión de consenso · {0} · {1}</translation>
    </message>
    <message>
        <source>Item {0} · {1} of {2} · {3}</source>
        <translation>Ítem {0} · {1} de {2} · {3}</translation>
    </message>
    <message>
        <source>not flagged</source>
        <translation>sin señales</translation>
    </message>
    <message>
        <source>Ratings (no names): {0}
Team mean {1}, range {2}; {3} not answered.</source>
        <translation>Calificaciones (sin nombres): {0}
Media del equipo {1}, rango {2}; {3} sin responder.</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>todavía ninguna</translation>
    </message>
    <message>
        <source>Key {0}, {1} of {2}</source>
        <translation>Tecla {0}, {1} de {2}</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>Comments:</source>
        <translation>Comentarios:</translation>
    </message>
    <message>
        <source>No comments on this item.</source>
        <translation>No hay comentarios sobre este ítem.</translation>
    </message>
    <message>
        <source>Typing… saved when you pause</source>
        <translation>Escribiendo… se guarda cuando hace una pausa</translation>
    </message>
    <message>
        <source>✓ Saved {0}</source>
        <translation>✓ Guardado {0}</translation>
    </message>
    <message>
        <source>✗ Not saved: {0}</source>
        <translation>✗ No guardado: {0}</translation>
    </message>
</context>
<context>
    <name>OptionalDate</name>
    <message>
        <source>{0}: has a date</source>
        <translation>{0}: tiene fecha</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>sin fecha</translation>
    </message>
</context>
<context>
    <name>PaperEntryPage</name>
    <message>
        <source>Paper form answers</source>
        <translation>Respuestas del formulario en papel</translation>
    </message>
    <message>
        <source>Type the answer ticked on paper and press Enter for the next item.</source>
        <translation>Escriba la respuesta marcada en el papel y pulse Intro para pasar al ítem siguiente.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Ítem</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Listo</translation>
    </message>
    <message>
        <source>Paper form of {0} ({1})</source>
        <translation>Formulario en papel de {0} ({1})</translation>
    </message>
    <message>
        <source>D = don&apos;t know</source>
        <translation>D = no sé</translation>
    </message>
    <message>
        <source>N = not applicable</source>
        <translation>N = no corresponde</translation>
    </message>
    <message>
        <source>Type the answer ticked on paper ({0}) and press Enter for the next item. Leave a cell empty for an item left blank. Each answer is saved as soon as it is entered.</source>
        <translation>Escriba la respuesta marcada en papel ({0}) y pulse Intro para pasar al siguiente ítem. Deje la celda vacía si el ítem quedó en blanco. Cada respuesta se guarda en cuanto se escribe.</translation>
    </message>
    <message>
        <source>✗ not saved</source>
        <translation>✗ no guardado</translation>
    </message>
    <message>
        <source>✗ Item {0}: “{1}” is not on the scale ({2}). Not saved.</source>
        <translation>✗ Ítem {0}: “{1}” no está en la escala ({2}). No se guardó.</translation>
    </message>
    <message>
        <source>✗ Not saved: {0}</source>
        <translation>✗ No guardado: {0}</translation>
    </message>
    <message>
        <source>✓ Saved item {0}</source>
        <translation>✓ Ítem {0} guardado</translation>
    </message>
    <message>
        <source>✓ Cleared item {0} · saved</source>
        <translation>✓ Ítem {0} borrado · guardado</translation>
    </message>
    <message>
        <source>✓ Saved the comment on item {0}</source>
        <translation>✓ Comentario del ítem {0} guardado</translation>
    </message>
</context>
<context>
    <name>PdsaEditor</name>
    <message>
        <source>Not decided yet</source>
        <translation>Sin decidir todavía</translation>
    </message>
    <message>
        <source>Adopt</source>
        <translation>Adoptar</translation>
    </message>
    <message>
        <source>Adapt</source>
        <translation>Adaptar</translation>
    </message>
    <message>
        <source>Abandon</source>
        <translation>Abandonar</translation>
    </message>
    <message>
        <source>PDSA &amp;cycles (Plan, Do, Study, Act) of this priority:</source>
        <translation>Ciclos PDSA (Planificar, &amp;Hacer, Estudiar, Actuar) de esta prioridad:</translation>
    </message>
    <message>
        <source>PDSA cycles</source>
        <translation>Ciclos PDSA</translation>
    </message>
    <message>
        <source>&amp;New cycle</source>
        <translation>&amp;Nuevo ciclo</translation>
    </message>
    <message>
        <source>Add a PDSA cycle</source>
        <translation>Agregar un ciclo PDSA</translation>
    </message>
    <message>
        <source>No cycles yet. A cycle tests one small change.</source>
        <translation>Todavía no hay ciclos. Cada ciclo prueba un cambio pequeño.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Planificar</translation>
    </message>
    <message>
        <source>&amp;What is tested:</source>
        <translation>&amp;Qué se prueba:</translation>
    </message>
    <message>
        <source>With whom:</source>
        <translation>Con quién:</translation>
    </message>
    <message>
        <source>What data:</source>
        <translation>Qué datos:</translation>
    </message>
    <message>
        <source>Do — what happened:</source>
        <translation>Hacer — qué pasó:</translation>
    </message>
    <message>
        <source>Adopt the change, adapt it, or abandon it</source>
        <translation>Adoptar el cambio, adaptarlo o abandonarlo</translation>
    </message>
    <message>
        <source>Act:</source>
        <translation>Actuar:</translation>
    </message>
    <message>
        <source>Act: adopt, adapt or abandon</source>
        <translation>Actuar: adoptar, adaptar o abandonar</translation>
    </message>
    <message>
        <source>What is tested</source>
        <translation>Qué se prueba</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>Con quién</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Cuándo:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Dónde:</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Prediction:</source>
        <translation>Predicción:</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Predicción</translation>
    </message>
    <message>
        <source>What data</source>
        <translation>Qué datos</translation>
    </message>
    <message>
        <source>Who collects the data</source>
        <translation>Quién recoge los datos</translation>
    </message>
    <message>
        <source>Who collects it:</source>
        <translation>Quién los recoge:</translation>
    </message>
    <message>
        <source>The one change this cycle tries</source>
        <translation>El único cambio que prueba este ciclo</translation>
    </message>
    <message>
        <source>Which clients, staff or team</source>
        <translation>Qué clientes, personal o equipo</translation>
    </message>
    <message>
        <source>What will show whether it worked</source>
        <translation>Qué mostrará si funcionó</translation>
    </message>
    <message>
        <source>What do you expect to happen, and how much?</source>
        <translation>¿Qué espera que pase, y en qué medida?</translation>
    </message>
    <message>
        <source>What happened, observations, problems</source>
        <translation>Qué pasó, observaciones, problemas</translation>
    </message>
    <message>
        <source>Do notes</source>
        <translation>Notas de Hacer</translation>
    </message>
    <message>
        <source>What was learned, against the prediction</source>
        <translation>Qué se aprendió, frente a la predicción</translation>
    </message>
    <message>
        <source>Study — what was &amp;learned:</source>
        <translation>Estudiar — l&amp;o que se aprendió:</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Estudiar</translation>
    </message>
    <message>
        <source>What changes now; the next cycle</source>
        <translation>Qué cambia ahora; el próximo ciclo</translation>
    </message>
    <message>
        <source>Act notes</source>
        <translation>Notas de Actuar</translation>
    </message>
    <message>
        <source>Act — ne&amp;xt steps:</source>
        <translation>Actuar — pró&amp;ximos pasos:</translation>
    </message>
    <message numerus="yes">
        <source>First raised in round {0}; carried into %n later round(s).</source>
        <translation>
            <numerusform>Planteada por primera vez en la ronda {0}; pasó a %n ronda posterior.</numerusform>
            <numerusform>Planteada por primera vez en la ronda {0}; pasó a %n rondas posteriores.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cycles {0}–{1}; last decision: {2}.</source>
        <translation>Ciclos {0}–{1}; última decisión: {2}.</translation>
    </message>
    <message>
        <source>(nothing planned)</source>
        <translation>(nada planificado)</translation>
    </message>
    <message>
        <source>Cycle {0} (round {1}, read-only): {2}</source>
        <translation>Ciclo {0} (ronda {1}, solo lectura): {2}</translation>
    </message>
    <message>
        <source>(nothing planned yet)</source>
        <translation>(todavía no hay nada planificado)</translation>
    </message>
    <message>
        <source>Cycle {0}: {1}</source>
        <translation>Ciclo {0}: {1}</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit team member</source>
        <translation>Editar integrante del equipo</translation>
    </message>
    <message>
        <source>Add team member</source>
        <translation>Agregar integrante del equipo</translation>
    </message>
    <message>
        <source>&amp;Name or initials:</source>
        <translation>&amp;Nombre o iniciales:</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Función:</translation>
    </message>
    <message>
        <source>A team member needs a name or initials.</source>
        <translation>Cada integrante del equipo necesita un nombre o iniciales.</translation>
    </message>
</context>
<context>
    <name>PriorityEditor</name>
    <message>
        <source>↪ Carried from the previous round, where it was not finished.</source>
        <translation>↪ Viene de la ronda anterior, donde no se terminó.</translation>
    </message>
    <message>
        <source>Specific, measurable, achievable, relevant, time-bound — e.g. by 30 September, 8 of 10 clients leave their visit with a written action plan.</source>
        <translation>Específica, medible, alcanzable, relevante y con plazo — p. ej., para el 30 de septiembre, 8 de cada 10 clientes salen de su consulta con un plan de acción escrito.</translation>
    </message>
    <message>
        <source>SMART &amp;goal:</source>
        <translation>Me&amp;ta SMART:</translation>
    </message>
    <message>
        <source>SMART goal</source>
        <translation>Meta SMART</translation>
    </message>
    <message>
        <source>Improvement ideas from the instrument</source>
        <translation>Ideas de mejora del instrumento</translation>
    </message>
    <message>
        <source>Cop&amp;y the idea into the goal</source>
        <translation>Cop&amp;iar la idea en la meta</translation>
    </message>
    <message>
        <source>Copy the selected idea into the goal</source>
        <translation>Copiar la idea seleccionada en la meta</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>Responsa&amp;ble:</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>S&amp;tart date:</source>
        <translation>&amp;Fecha de inicio:</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>Fecha límite:</translation>
    </message>
    <message>
        <source>How impact is &amp;measured:</source>
        <translation>Cómo se mi&amp;de el impacto:</translation>
    </message>
    <message>
        <source>How impact is measured</source>
        <translation>Cómo se mide el impacto</translation>
    </message>
    <message>
        <source>Who reports it:</source>
        <translation>Quién lo informa:</translation>
    </message>
    <message>
        <source>Who reports it</source>
        <translation>Quién lo informa</translation>
    </message>
    <message>
        <source>e.g. monthly, at the team meeting</source>
        <translation>p. ej., cada mes, en la reunión de equipo</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Con qué frecuencia</translation>
    </message>
    <message>
        <source>How often:</source>
        <translation>Con qué frecuencia:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>E&amp;stado:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Improvement ideas:</source>
        <translation>Ideas de me&amp;jora:</translation>
    </message>
    <message>
        <source>&amp;Improvement ideas for domain {0} {1} (from the instrument):</source>
        <translation>Ideas de me&amp;jora para el dominio {0} {1} (del instrumento):</translation>
    </message>
</context>
<context>
    <name>PrivacyGate</name>
    <message>
        <source>Private until the meeting</source>
        <translation>Privado hasta la reunión</translation>
    </message>
    <message>
        <source>Each person&apos;s answers and the team&apos;s results stay closed until the facilitator opens them (Round › Open the results…), so nobody is swayed by others&apos; ratings.</source>
        <translation>Las respuestas de cada persona y los resultados del equipo permanecen cerrados hasta que el facilitador los abra (Ronda › Abrir los resultados…), para que nadie se deje influir por las calificaciones de los demás.</translation>
    </message>
    <message>
        <source>These are {0}&apos;s own answers. Continue only if you are {0}.</source>
        <translation>Estas son las respuestas propias de {0}. Continúe solo si usted es {0}.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>{0}&apos;s PIN:</source>
        <translation>PIN de {0}:</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>PIN incorrecto</translation>
    </message>
    <message>
        <source>That PIN is not right. If it is forgotten, the facilitator can reset it.</source>
        <translation>Ese PIN no es correcto. Si lo olvidó, el facilitador puede restablecerlo.</translation>
    </message>
    <message>
        <source>Facilitator (not on the team)</source>
        <translation>Facilitador (fuera del equipo)</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>¿Quién es usted?</translation>
    </message>
    <message>
        <source>You act as the facilitator:</source>
        <translation>Usted actúa como facilitador:</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>The results of this round are open.</source>
        <translation>Los resultados de esta ronda están abiertos.</translation>
    </message>
    <message>
        <source>Open the results early?</source>
        <translation>¿Abrir los resultados antes de tiempo?</translation>
    </message>
    <message>
        <source>Not everyone counted has finished rating. Open each person&apos;s answers and the team&apos;s results now anyway? This is recorded in the history of changes.</source>
        <translation>No todas las personas que cuentan han terminado de calificar. ¿Abrir de todos modos ahora las respuestas de cada persona y los resultados del equipo? Esto queda registrado en el historial de cambios.</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>No se pudo hacer</translation>
    </message>
    <message>
        <source>Set a PIN</source>
        <translation>Definir un PIN</translation>
    </message>
    <message>
        <source>{0}, choose a PIN of 4 to 12 digits:</source>
        <translation>{0}, elija un PIN de 4 a 12 dígitos:</translation>
    </message>
    <message>
        <source>{0} has no PIN.</source>
        <translation>{0} no tiene PIN.</translation>
    </message>
    <message>
        <source>Reset the PIN?</source>
        <translation>¿Restablecer el PIN?</translation>
    </message>
    <message>
        <source>Remove {0}&apos;s PIN? They can set a new one. This is recorded.</source>
        <translation>¿Quitar el PIN de {0}? Podrá definir uno nuevo. Esto queda registrado.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>Copies are made when the app closes, once a day while it runs and before every upgrade; the last 7 daily and 4 weekly copies are kept, in {0}. Restoring keeps the current data file aside in the same folder.</source>
        <translation>Las copias se hacen al cerrar la aplicación, una vez al día mientras está abierta y antes de cada actualización; se conservan las últimas 7 copias diarias y 4 semanales, en {0}. Al restaurar, el archivo de datos actual se guarda aparte en la misma carpeta.</translation>
    </message>
    <message>
        <source>A copy is also made before every deletion (a round, an agency, a team member with answers); those copies are never deleted automatically.</source>
        <translation>También se hace una copia antes de cada eliminación (una ronda, una organización, un integrante con respuestas); esas copias nunca se borran automáticamente.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>Organizaciones</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Rondas</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>ilegible</translation>
    </message>
    <message>
        <source>automatic, when the app closed</source>
        <translation>automática, al cerrar la aplicación</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automática</translation>
    </message>
    <message>
        <source>before an upgrade or by hand</source>
        <translation>antes de una actualización o a mano</translation>
    </message>
    <message>
        <source>&amp;Restore the selected copy…</source>
        <translation>&amp;Restaurar la copia seleccionada…</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>Todavía no hay copias de seguridad.</translation>
    </message>
    <message>
        <source>before deleting the round “{0}”</source>
        <translation>antes de eliminar la ronda “{0}”</translation>
    </message>
    <message>
        <source>before deleting the agency “{0}”</source>
        <translation>antes de eliminar la organización “{0}”</translation>
    </message>
    <message>
        <source>before removing {0} and their answers</source>
        <translation>antes de quitar a {0} y sus respuestas</translation>
    </message>
</context>
<context>
    <name>RollupSitesView</name>
    <message>
        <source>Each agency and its sites</source>
        <translation>Cada organización y sus sitios</translation>
    </message>
    <message>
        <source>Each agency&apos;s row is its newest round in the period; under it, each of its sites with a round in the period (newest round). Sites are not counted in the state figures.</source>
        <translation>La fila de cada organización es su ronda más reciente del período; debajo, cada uno de sus sitios con una ronda en el período (la más reciente). Los sitios no cuentan en las cifras del estado.</translation>
    </message>
    <message>
        <source>Agency / site</source>
        <translation>Organización / sitio</translation>
    </message>
    <message>
        <source>Round for</source>
        <translation>Ronda para</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Ronda</translation>
    </message>
    <message>
        <source>Period ends</source>
        <translation>Fin del período</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Global</translation>
    </message>
    <message>
        <source>Whole agency</source>
        <translation>Toda la organización</translation>
    </message>
</context>
<context>
    <name>RollupView</name>
    <message>
        <source>Views of the state picture</source>
        <translation>Vistas del panorama del estado</translation>
    </message>
    <message>
        <source>Agencies that reported in the period and those that did not</source>
        <translation>Organizaciones que informaron en el período y las que no</translation>
    </message>
    <message>
        <source>State distribution by domain</source>
        <translation>Distribución estatal por dominio</translation>
    </message>
    <message>
        <source>Chart of the state distribution by domain</source>
        <translation>Gráfico de la distribución estatal por dominio</translation>
    </message>
    <message>
        <source>Each agency against the state median</source>
        <translation>Cada organización frente a la mediana estatal</translation>
    </message>
    <message>
        <source>Change since each agency&apos;s previous round</source>
        <translation>Cambio desde la ronda anterior de cada organización</translation>
    </message>
    <message>
        <source>Who re&amp;ported</source>
        <translation>&amp;Quién informó</translation>
    </message>
    <message>
        <source>State by &amp;domain</source>
        <translation>Estado por do&amp;minio</translation>
    </message>
    <message>
        <source>Each cell: the agency&apos;s score, then ▲ above or ▼ below the state median by how much. Hover a domain&apos;s column header for its name.</source>
        <translation>Cada celda: la puntuación de la organización y luego cuánto está ▲ por encima o ▼ por debajo de la mediana estatal. Pase el puntero sobre el encabezado de un dominio para ver su nombre.</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>sin cambio</translation>
    </message>
    <message>
        <source>at the median</source>
        <translation>en la mediana</translation>
    </message>
    <message>
        <source>Change since the agency&apos;s previous round of this instrument: ▲ higher, ▼ lower, = the same. Like with like: consensus with consensus when both rounds have one, otherwise team mean with team mean; no change when the band metric changed.</source>
        <translation>Cambio desde la ronda anterior de la organización con este instrumento: ▲ más alto, ▼ más bajo, = igual. Se compara lo comparable: consenso con consenso cuando ambas rondas lo tienen; si no, media del equipo con media del equipo; sin cambio cuando cambió la medida de los niveles.</translation>
    </message>
    <message>
        <source>Against the &amp;state</source>
        <translation>&amp;Frente al estado</translation>
    </message>
    <message>
        <source>Chan&amp;ge between rounds</source>
        <translation>Cam&amp;bio entre rondas</translation>
    </message>
    <message>
        <source>Agencies by site</source>
        <translation>Organizaciones por sitio</translation>
    </message>
    <message>
        <source>percent of the maximum</source>
        <translation>porcentaje del máximo</translation>
    </message>
    <message>
        <source>means on the {0}–{1} scale</source>
        <translation>medias en la escala {0}–{1}</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Global</translation>
    </message>
    <message>
        <source>✔ complete</source>
        <translation>✔ completo</translation>
    </message>
    <message>
        <source>no team members</source>
        <translation>sin integrantes del equipo</translation>
    </message>
    <message>
        <source>{0} of {1} team members left items unanswered</source>
        <translation>{0} de {1} integrantes del equipo dejaron ítems sin responder</translation>
    </message>
    <message>
        <source>no consensus on every item (team mean used)</source>
        <translation>sin consenso en todos los ítems (se usó la media del equipo)</translation>
    </message>
    <message>
        <source>version {0} scores on another scale: not counted in the state statistics</source>
        <translation>la versión {0} puntúa en otra escala: no cuenta en las estadísticas del estado</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Site / region</source>
        <translation>Sede / región</translation>
    </message>
    <message>
        <source>Reported?</source>
        <translation>¿Informó?</translation>
    </message>
    <message>
        <source>Latest round</source>
        <translation>Última ronda</translation>
    </message>
    <message>
        <source>Period ends</source>
        <translation>Fin del período</translation>
    </message>
    <message>
        <source>Complete?</source>
        <translation>¿Completo?</translation>
    </message>
    <message>
        <source>✔ reported</source>
        <translation>✔ informó</translation>
    </message>
    <message>
        <source>✖ not reported</source>
        <translation>✖ no informó</translation>
    </message>
    <message>
        <source>{0} (outside the period)</source>
        <translation>{0} (fuera del período)</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Dominio</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>Organizaciones</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Mediana</translation>
    </message>
    <message>
        <source>Quartiles</source>
        <translation>Cuartiles</translation>
    </message>
    <message>
        <source>Min–max</source>
        <translation>Mín–máx</translation>
    </message>
    <message>
        <source>Previous round</source>
        <translation>Ronda anterior</translation>
    </message>
    <message>
        <source>Overall before</source>
        <translation>Global antes</translation>
    </message>
    <message>
        <source>Overall now</source>
        <translation>Global ahora</translation>
    </message>
    <message>
        <source>Overall change</source>
        <translation>Cambio global</translation>
    </message>
    <message>
        <source>(first round here)</source>
        <translation>(primera ronda aquí)</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <source>Start a round</source>
        <translation>Iniciar una ronda</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <source>{0} (version {1})</source>
        <translation>{0} (versión {1})</translation>
    </message>
    <message>
        <source>&amp;Instrument:</source>
        <translation>&amp;Instrumento:</translation>
    </message>
    <message>
        <source>Round &amp;name:</source>
        <translation>&amp;Nombre de la ronda:</translation>
    </message>
    <message>
        <source>e.g. Spring 2026</source>
        <translation>p. ej., Primer semestre 2026</translation>
    </message>
    <message>
        <source>Review period &amp;from:</source>
        <translation>Período evaluado &amp;desde:</translation>
    </message>
    <message>
        <source>&amp;to:</source>
        <translation>&amp;hasta:</translation>
    </message>
    <message>
        <source>Keep answers &amp;private until the facilitator opens them</source>
        <translation>Mantener las respuestas &amp;privadas hasta que el facilitador las abra</translation>
    </message>
    <message>
        <source>Site this round is for</source>
        <translation>Sitio al que corresponde esta ronda</translation>
    </message>
    <message>
        <source>Whole agency</source>
        <translation>Toda la organización</translation>
    </message>
    <message>
        <source>Round f&amp;or:</source>
        <translation>Ronda pa&amp;ra:</translation>
    </message>
    <message>
        <source>A round needs a name, e.g. &quot;Spring 2026&quot;.</source>
        <translation>La ronda necesita un nombre, p. ej., “Primer semestre 2026”.</translation>
    </message>
    <message>
        <source>The review period ends before it starts.</source>
        <translation>El período evaluado termina antes de empezar.</translation>
    </message>
    <message>
        <source>No instrument is installed.</source>
        <translation>No hay ningún instrumento instalado.</translation>
    </message>
</context>
<context>
    <name>RoundPage</name>
    <message>
        <source>Back to home</source>
        <translation>Volver al inicio</translation>
    </message>
    <message>
        <source>Team members and their progress</source>
        <translation>Integrantes del equipo y su avance</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Respondidos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Add team member…</source>
        <translation>A&amp;gregar integrante…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>&amp;Rate as this person</source>
        <translation>&amp;Calificar como esta persona</translation>
    </message>
    <message>
        <source>Type in a &amp;paper form</source>
        <translation>Transcribir un formulario en &amp;papel</translation>
    </message>
    <message>
        <source>This person&apos;s &amp;scores</source>
        <translation>Pu&amp;ntuaciones de esta persona</translation>
    </message>
    <message>
        <source>← H&amp;ome</source>
        <translation>← &amp;Inicio</translation>
    </message>
    <message>
        <source>Enter starts rating as the selected person.</source>
        <translation>Intro empieza a puntuar como la persona seleccionada.</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>Edi&amp;tar…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Retirar…</translation>
    </message>
    <message>
        <source>Leave this person out of every score, report and export; their answers are kept and count again if they are reinstated.</source>
        <translation>Dejar a esta persona fuera de toda puntuación, informe y exportación; sus respuestas se conservan y vuelven a contar si se le reincorpora.</translation>
    </message>
    <message>
        <source>Delete this round…</source>
        <translation>Eliminar esta ronda…</translation>
    </message>
    <message>
        <source>Withdrawn (not counted in any score, report or export):</source>
        <translation>Retirados (no cuentan en ninguna puntuación, informe ni exportación):</translation>
    </message>
    <message>
        <source>Withdrawn team members</source>
        <translation>Integrantes retirados</translation>
    </message>
    <message>
        <source>Reinstate</source>
        <translation>Reincorporar</translation>
    </message>
    <message>
        <source>Team vie&amp;w and meeting →</source>
        <translation>Vi&amp;sta del equipo y reunión →</translation>
    </message>
    <message>
        <source>Open the team view</source>
        <translation>Abrir la vista del equipo</translation>
    </message>
    <message>
        <source>Each person rates alone and sees only their own answers. Pick a name, then Rate as this person. Answers written on a paper form can be typed in.</source>
        <translation>Cada persona califica a solas y solo ve sus propias respuestas. Elija un nombre y luego Calificar como esta persona. Las respuestas escritas en un formulario en papel se pueden transcribir.</translation>
    </message>
    <message>
        <source>Private until the meeting: each person&apos;s answers and the team view stay closed until the facilitator opens the results (Round › Open the results…).</source>
        <translation>Privado hasta la reunión: las respuestas de cada persona y la vista del equipo permanecen cerradas hasta que el facilitador abra los resultados (Ronda › Abrir los resultados…).</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>Equip&amp;o</translation>
    </message>
    <message>
        <source>{0}, version {1} · review period {2} – {3} · {4}</source>
        <translation>{0}, versión {1} · período evaluado {2} – {3} · {4}</translation>
    </message>
    <message>
        <source>Team vie&amp;w →</source>
        <translation>Vi&amp;sta del equipo →</translation>
    </message>
    <message>
        <source>✓ Finished</source>
        <translation>✓ Terminado</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message numerus="yes">
        <source>{0} ({1}) · %n answer(s) kept</source>
        <translation>
            <numerusform>{0} ({1}) · %n respuesta conservada</numerusform>
            <numerusform>{0} ({1}) · %n respuestas conservadas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoundSitePicker</name>
    <message>
        <source>Site this round is for</source>
        <translation>Sitio al que corresponde esta ronda</translation>
    </message>
    <message>
        <source>This round &amp;belongs to:</source>
        <translation>Esta ron&amp;da pertenece a:</translation>
    </message>
    <message>
        <source>Whole agency</source>
        <translation>Toda la organización</translation>
    </message>
    <message>
        <source>Saved: this round is for “{0}”.</source>
        <translation>Guardado: esta ronda es de «{0}».</translation>
    </message>
    <message>
        <source>Saved: this round is for the whole agency.</source>
        <translation>Guardado: esta ronda es de toda la organización.</translation>
    </message>
</context>
<context>
    <name>ScopeDialog</name>
    <message>
        <source>Add a priority</source>
        <translation>Agregar una prioridad</translation>
    </message>
    <message>
        <source>Which &amp;domain or item will the team work on?</source>
        <translation>¿En qué &amp;dominio o ítem trabajará el equipo?</translation>
    </message>
    <message>
        <source>Domain or item to improve</source>
        <translation>Dominio o ítem a mejorar</translation>
    </message>
    <message>
        <source> (already a priority)</source>
        <translation> (ya es prioridad)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Small</source>
        <translation>Pequeño</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mediano</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Paper size for reports</source>
        <translation>Tamaño del papel para los informes</translation>
    </message>
    <message>
        <source>Letter (US)</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>&amp;Text size:</source>
        <translation>Tamaño del &amp;texto:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Paper size:</source>
        <translation>Tamaño del &amp;papel:</translation>
    </message>
    <message>
        <source>The new language is used from the next start of the app.</source>
        <translation>El nuevo idioma se usará la próxima vez que abra la aplicación.</translation>
    </message>
</context>
<context>
    <name>SitesDialog</name>
    <message>
        <source>Sites of the agency</source>
        <translation>Sitios de la organización</translation>
    </message>
    <message>
        <source>Sites of the agency, with their rounds</source>
        <translation>Sitios de la organización, con sus rondas</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>Nombre del sitio</translation>
    </message>
    <message>
        <source>Site &amp;name:</source>
        <translation>&amp;Nombre del sitio:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Agregar</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Cambiar nombre</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <source>Remove the selected site; its rounds become the whole agency&apos;s</source>
        <translation>Quitar el sitio seleccionado; sus rondas pasan a ser de toda la organización</translation>
    </message>
    <message>
        <source>{0} — rounds: {1}</source>
        <translation>{0} — rondas: {1}</translation>
    </message>
    <message>
        <source>Site “{0}” added.</source>
        <translation>Sitio «{0}» agregado.</translation>
    </message>
    <message>
        <source>The site is now called “{0}”.</source>
        <translation>El sitio ahora se llama «{0}».</translation>
    </message>
    <message>
        <source>Remove the site</source>
        <translation>Quitar el sitio</translation>
    </message>
    <message numerus="yes">
        <source>This site holds %n round(s). Removing it makes them the whole agency&apos;s rounds; nothing is deleted. Remove it?</source>
        <translation>
            <numerusform>Este sitio tiene %n ronda. Si lo quita, pasa a ser una ronda de toda la organización; no se borra nada. ¿Quitarlo?</numerusform>
            <numerusform>Este sitio tiene %n rondas. Si lo quita, pasan a ser rondas de toda la organización; no se borra nada. ¿Quitarlo?</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing removed.</source>
        <translation>No se quitó nada.</translation>
    </message>
    <message numerus="yes">
        <source>Site removed; %n round(s) are now the whole agency&apos;s.</source>
        <translation>
            <numerusform>Sitio quitado; %n ronda es ahora de toda la organización.</numerusform>
            <numerusform>Sitio quitado; %n rondas son ahora de toda la organización.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateChart</name>
    <message>
        <source>{0}: no scores</source>
        <translation>{0}: sin puntuaciones</translation>
    </message>
    <message>
        <source>{0}: median {1}, quartiles {2}–{3}, range {4}–{5}, {6}</source>
        <translation>{0}: mediana {1}, cuartiles {2}–{3}, rango {4}–{5}, {6}</translation>
    </message>
    <message>
        <source>Lowest to highest agency</source>
        <translation>De la organización más baja a la más alta</translation>
    </message>
    <message>
        <source>Middle half (quartiles)</source>
        <translation>Mitad central (cuartiles)</translation>
    </message>
    <message>
        <source>State median</source>
        <translation>Mediana estatal</translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message>
        <source>LOW</source>
        <translation>BAJO</translation>
    </message>
    <message>
        <source>SPLIT</source>
        <translation>DISPAR</translation>
    </message>
    <message>
        <source>DON&apos;T KNOW</source>
        <translation>NO SÉ</translation>
    </message>
</context>
<context>
    <name>TeamViewPage</name>
    <message>
        <source>← &amp;Team</source>
        <translation>← E&amp;quipo</translation>
    </message>
    <message>
        <source>Back to the round</source>
        <translation>Volver a la ronda</translation>
    </message>
    <message>
        <source>Show &amp;names (otherwise roles only)</source>
        <translation>Mostrar &amp;nombres (si no, solo funciones)</translation>
    </message>
    <message>
        <source>Sort items by</source>
        <translation>Ordenar ítems por</translation>
    </message>
    <message>
        <source>Domain order</source>
        <translation>Orden de los dominios</translation>
    </message>
    <message>
        <source>Lowest mean first</source>
        <translation>Media más baja primero</translation>
    </message>
    <message>
        <source>Widest spread first</source>
        <translation>Mayor dispersión primero</translation>
    </message>
    <message>
        <source>&amp;Sort:</source>
        <translation>&amp;Ordenar:</translation>
    </message>
    <message>
        <source>Ratings of every item by every team member</source>
        <translation>Calificaciones de cada ítem por cada integrante del equipo</translation>
    </message>
    <message>
        <source>Team scores by domain</source>
        <translation>Puntuaciones del equipo por dominio</translation>
    </message>
    <message>
        <source>Chart of domain scores</source>
        <translation>Gráfico de puntuaciones por dominio</translation>
    </message>
    <message>
        <source>Consensus &amp;meeting…</source>
        <translation>&amp;Reunión de consenso…</translation>
    </message>
    <message>
        <source>&amp;Action plan…</source>
        <translation>&amp;Plan de acción…</translation>
    </message>
    <message>
        <source>Fla&amp;gged items only</source>
        <translation>Solo ítems con seña&amp;les</translation>
    </message>
    <message>
        <source>One row per item: the flags, each member&apos;s rating, the team statistics and the agreed answer.</source>
        <translation>Una fila por ítem: las señales, la puntuación de cada miembro, las estadísticas del equipo y la respuesta acordada.</translation>
    </message>
    <message>
        <source>Team score, range of members, band and previous round of each domain.</source>
        <translation>Puntuación del equipo, rango de los miembros, nivel y ronda anterior de cada dominio.</translation>
    </message>
    <message>
        <source>&amp;Rounds over time…</source>
        <translation>Rondas en el &amp;tiempo…</translation>
    </message>
    <message>
        <source>&amp;Print / Save PDF…</source>
        <translation>&amp;Imprimir / Guardar PDF…</translation>
    </message>
    <message>
        <source>Team view · {0} · {1} ({2})</source>
        <translation>Vista del equipo · {0} · {1} ({2})</translation>
    </message>
    <message>
        <source>&amp;Close round…</source>
        <translation>&amp;Cerrar la ronda…</translation>
    </message>
    <message>
        <source>Re&amp;open round…</source>
        <translation>Rea&amp;brir la ronda…</translation>
    </message>
    <message>
        <source>consensus scores</source>
        <translation>puntuaciones de consenso</translation>
    </message>
    <message>
        <source>team mean — not every item has an agreed answer yet</source>
        <translation>media del equipo: todavía no todos los ítems tienen una respuesta acordada</translation>
    </message>
    <message>
        <source>{0}, {1} of {2} answered</source>
        <translation>{0}, {1} de {2} respondidos</translation>
    </message>
    <message>
        <source>team scores count those who finished</source>
        <translation>las puntuaciones del equipo cuentan a quienes terminaron</translation>
    </message>
    <message>
        <source>team scores count those who answered at least {0} % of the items</source>
        <translation>las puntuaciones del equipo cuentan a quienes respondieron al menos el {0} % de los ítems</translation>
    </message>
    <message>
        <source>Overall: {0} — {1} ({2}). {3}. {4} of {5} flagged; {6} of {7} agreed in the meeting.</source>
        <translation>Global: {0} — {1} ({2}). {3}. {4} de {5} con señales; {6} de {7} acordados en la reunión.</translation>
    </message>
    <message numerus="yes">
        <source>Not counted yet ({0} of %n people; {1}): {2}</source>
        <translation>
            <numerusform>Todavía no cuentan ({0} de %n persona; {1}): {2}</numerusform>
            <numerusform>Todavía no cuentan ({0} de %n personas; {1}): {2}</numerusform>
        </translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Mediana</translation>
    </message>
    <message>
        <source>Min–max</source>
        <translation>Mín–máx</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Dispersión</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Acordado</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planificado</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Ítem</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Señales</translation>
    </message>
    <message>
        <source>(no goal yet)</source>
        <translation>(todavía sin meta)</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Dominio</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Range of members</source>
        <translation>Rango</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajos</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Dispares</translation>
    </message>
    <message>
        <source>Previous round</source>
        <translation>Ronda anterior</translation>
    </message>
    <message>
        <source>This round</source>
        <translation>Esta ronda</translation>
    </message>
    <message>
        <source>Showing the {0} flagged items of {1}</source>
        <translation>Se muestran los {0} ítems con señales de {1}</translation>
    </message>
    <message>
        <source>Showing all {0} items</source>
        <translation>Se muestran los {0} ítems</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>points</source>
        <translation>puntos</translation>
    </message>
</context>
<context>
    <name>WalkthroughPage</name>
    <message>
        <source>Everything is saved; you will resume at this item next time.</source>
        <translation>Todo está guardado; la próxima vez seguirá en este ítem.</translation>
    </message>
    <message>
        <source>&amp;Stop for now</source>
        <translation>&amp;Pausar por ahora</translation>
    </message>
    <message>
        <source>F&amp;inish…</source>
        <translation>&amp;Terminar…</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Dominio</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Respondidos</translation>
    </message>
    <message>
        <source>Sections and domains with progress</source>
        <translation>Secciones y dominios con su avance</translation>
    </message>
    <message>
        <source>Enter goes to the first unanswered item of the domain.</source>
        <translation>Intro lleva al primer ítem sin responder del dominio.</translation>
    </message>
    <message>
        <source>&amp;Comment (optional):</source>
        <translation>&amp;Comentario (opcional):</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Saved when you pause typing and when you go to another item.</source>
        <translation>Se guarda cuando usted deja de escribir y cuando pasa a otro ítem.</translation>
    </message>
    <message>
        <source>← &amp;Previous</source>
        <translation>← A&amp;nterior</translation>
    </message>
    <message>
        <source>&amp;Next →</source>
        <translation>&amp;Siguiente →</translation>
    </message>
    <message>
        <source>Next &amp;unanswered</source>
        <translation>Siguiente sin &amp;responder</translation>
    </message>
    <message>
        <source>About this instrument</source>
        <translation>Acerca de este instrumento</translation>
    </message>
    <message>
        <source>Rating as {0} ({1})</source>
        <translation>Calificando como {0} ({1})</translation>
    </message>
    <message>
        <source>Closed round: answers can be read, not changed.</source>
        <translation>Ronda cerrada: las respuestas se pueden leer, pero no cambiar.</translation>
    </message>
    <message>
        <source>Official wording</source>
        <translation>Redacción oficial</translation>
    </message>
    <message>
        <source>Not the official wording</source>
        <translation>No es la redacción oficial</translation>
    </message>
    <message>
        <source>{0}, version {1}. {2}.</source>
        <translation>{0}, versión {1}. {2}.</translation>
    </message>
    <message>
        <source>Terms of use: {0}</source>
        <translation>Condiciones de uso: {0}</translation>
    </message>
    <message>
        <source>✓ done</source>
        <translation>✓ listo</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} answered</source>
        <translation>{0}: {1} de {2} respondidos</translation>
    </message>
    <message>
        <source>Item {0} · {1} of {2} · {3}</source>
        <translation>Ítem {0} · {1} de {2} · {3}</translation>
    </message>
    <message>
        <source>Item {0}, {1} of {2}, {3}</source>
        <translation>Ítem {0}, {1} de {2}, {3}</translation>
    </message>
    <message>
        <source>Key {0}, {1} of {2}</source>
        <translation>Tecla {0}, {1} de {2}</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>Examples ({0}) — Ctrl+E</source>
        <translation>Ejemplos ({0}) — Ctrl+E</translation>
    </message>
    <message>
        <source>✓ Answer cleared · saved {0}</source>
        <translation>✓ Respuesta borrada · guardado {0}</translation>
    </message>
    <message>
        <source>Typing… saved when you pause</source>
        <translation>Escribiendo… se guarda cuando hace una pausa</translation>
    </message>
    <message>
        <source>✓ Saved {0}</source>
        <translation>✓ Guardado {0}</translation>
    </message>
    <message>
        <source>✗ Not saved: {0}</source>
        <translation>✗ No guardado: {0}</translation>
    </message>
    <message>
        <source>This is the last item. Not answered yet ({0}): {1}.

Finish anyway? You can come back to them later.</source>
        <translation>Este es el último ítem. Todavía sin responder ({0}): {1}.

¿Terminar de todos modos? Puede volver a ellos más tarde.</translation>
    </message>
    <message>
        <source>This is the last item, and every item is answered. Finish now?</source>
        <translation>Este es el último ítem y todos los ítems están respondidos. ¿Terminar ahora?</translation>
    </message>
    <message>
        <source>Finish the rating?</source>
        <translation>¿Terminar la calificación?</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>An agency needs a name.</source>
        <translation>Una organización necesita un nombre.</translation>
    </message>
    <message>
        <source>A round needs a name, for example “Spring 2026”.</source>
        <translation>Una ronda necesita un nombre, por ejemplo «Primavera 2026».</translation>
    </message>
    <message>
        <source>The review period ends before it starts.</source>
        <translation>El período evaluado termina antes de empezar.</translation>
    </message>
    <message>
        <source>A review period cannot start before {earliest}; check the year.</source>
        <translation>Un período evaluado no puede empezar antes del {earliest}; revise el año.</translation>
    </message>
    <message>
        <source>A review period cannot end after {latest} (a year from today); check the year.</source>
        <translation>Un período evaluado no puede terminar después del {latest} (dentro de un año); revise el año.</translation>
    </message>
    <message>
        <source>A team member needs a name or initials.</source>
        <translation>Un integrante del equipo necesita un nombre o sus iniciales.</translation>
    </message>
    <message>
        <source>{name} has {count} saved answers and cannot be removed.</source>
        <translation>{name} tiene {count} respuestas guardadas y no se puede quitar.</translation>
    </message>
    <message>
        <source>{name} is withdrawn from this round; reinstate them to change their answers.</source>
        <translation>{name} está retirado/a de esta ronda; reincorpórelo/a para cambiar sus respuestas.</translation>
    </message>
    <message>
        <source>{name} is already withdrawn.</source>
        <translation>{name} ya está retirado/a.</translation>
    </message>
    <message>
        <source>{name} is not withdrawn.</source>
        <translation>{name} no está retirado/a.</translation>
    </message>
    <message>
        <source>This round is closed; reopen it to change its team.</source>
        <translation>Esta ronda está cerrada; vuelva a abrirla para cambiar su equipo.</translation>
    </message>
    <message>
        <source>Could not make a backup copy first ({reason}), so nothing was deleted. Free some space on the disk (or fix the backups folder) and try again.</source>
        <translation>No se pudo hacer antes una copia de seguridad ({reason}), así que no se eliminó nada. Libere espacio en el disco (o revise la carpeta de copias de seguridad) e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>This round is closed; reopen it to change answers.</source>
        <translation>Esta ronda está cerrada; vuelva a abrirla para cambiar respuestas.</translation>
    </message>
    <message>
        <source>A comment can hold up to {max} characters.</source>
        <translation>Un comentario puede tener hasta {max} caracteres.</translation>
    </message>
    <message>
        <source>{name} cannot be a key file (a folder, a device, not text or too large); choose the key file you were given.</source>
        <translation>{name} no puede ser un archivo de clave (es una carpeta, un dispositivo, no es texto o es demasiado grande); elija el archivo de clave que le entregaron.</translation>
    </message>
    <message>
        <source>Cannot read {name} ({reason}); choose the key file you were given.</source>
        <translation>No se puede leer {name} ({reason}); elija el archivo de clave que le entregaron.</translation>
    </message>
    <message>
        <source>{name} holds no coordinator public key (a line starting with age1); ask the state coordinator for the public key file.</source>
        <translation>{name} no contiene ninguna clave pública de coordinación (una línea que empieza con age1); pida el archivo de clave pública a la coordinación estatal.</translation>
    </message>
    <message>
        <source>{name} holds a private key, which must never leave the coordinator&apos;s laptop; use the public key file instead.</source>
        <translation>{name} contiene una clave privada, que nunca debe salir de la computadora de la coordinación; use en su lugar el archivo de clave pública.</translation>
    </message>
    <message>
        <source>The keys could not be opened: the passphrase is wrong or the file is not an exported keys file. Nothing was changed.</source>
        <translation>No se pudieron abrir las claves: la frase de contraseña es incorrecta o el archivo no es un archivo de claves exportado. No se cambió nada.</translation>
    </message>
    <message>
        <source>This is not a keys file saved by SMS OAT Studio; nothing was changed.</source>
        <translation>Este no es un archivo de claves guardado por SMS OAT Studio; no se cambió nada.</translation>
    </message>
    <message>
        <source>A coordinator key already exists here; it is made once per state office.</source>
        <translation>Aquí ya existe una clave de coordinación; se crea una sola vez por oficina estatal.</translation>
    </message>
    <message>
        <source>{name} in the keys folder is damaged. Restore the keys from a backup or from a keys file saved with a passphrase.</source>
        <translation>{name} en la carpeta de claves está dañado. Restaure las claves desde una copia de seguridad o desde un archivo de claves guardado con frase de contraseña.</translation>
    </message>
    <message>
        <source>Cannot write the key file {path} ({reason}); check that the data folder can be written to.</source>
        <translation>No se puede escribir el archivo de clave {path} ({reason}); compruebe que se pueda escribir en la carpeta de datos.</translation>
    </message>
    <message>
        <source>Cannot create the keys folder {folder} ({reason}); check that the data folder can be written to.</source>
        <translation>No se puede crear la carpeta de claves {folder} ({reason}); compruebe que se pueda escribir en la carpeta de datos.</translation>
    </message>
    <message>
        <source>Give a passphrase to protect the keys.</source>
        <translation>Indique una frase de contraseña para proteger las claves.</translation>
    </message>
    <message>
        <source>There are no keys here to save yet.</source>
        <translation>Todavía no hay claves aquí para guardar.</translation>
    </message>
    <message>
        <source>The due date is before the start date.</source>
        <translation>La fecha límite es anterior a la fecha de inicio.</translation>
    </message>
    <message>
        <source>Cannot write {path}: the folder {folder} does not exist.</source>
        <translation>No se puede escribir {path}: la carpeta {folder} no existe.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>No se puede escribir {path}: {reason}.</translation>
    </message>
    <message>
        <source>Nothing was written: {path} is the data file itself (or one of its companion files). Choose another file name.</source>
        <translation>No se escribió nada: {path} es el propio archivo de datos (o uno de sus archivos acompañantes). Elija otro nombre de archivo.</translation>
    </message>
    <message>
        <source>Nothing was written: names ending in -wal, -shm or -journal belong to databases. Choose another file name than {path}.</source>
        <translation>No se escribió nada: los nombres que terminan en -wal, -shm o -journal pertenecen a bases de datos. Elija otro nombre de archivo que {path}.</translation>
    </message>
    <message>
        <source>Nothing was written: {path} is a folder or a device, not a file. Name a file inside a folder instead.</source>
        <translation>No se escribió nada: {path} es una carpeta o un dispositivo, no un archivo. Indique un archivo dentro de una carpeta.</translation>
    </message>
    <message>
        <source>Nothing was written: {path} would replace a backup, a key or an instrument file. Choose another file name.</source>
        <translation>No se escribió nada: {path} reemplazaría una copia de seguridad, una clave o un archivo de instrumento. Elija otro nombre de archivo.</translation>
    </message>
    <message>
        <source>Nothing was written: {path} holds a database (a data file or a backup), which a report must not replace. Choose another file name.</source>
        <translation>No se escribió nada: {path} contiene una base de datos (un archivo de datos o una copia de seguridad), que un informe no debe reemplazar. Elija otro nombre de archivo.</translation>
    </message>
    <message>
        <source>Nothing was written: {path} already exists. Choose another file name.</source>
        <translation>No se escribió nada: {path} ya existe. Elija otro nombre de archivo.</translation>
    </message>
    <message>
        <source>Cannot replace {path}: it is open in another program (a PDF viewer or a spreadsheet?). Close it there and try again, or save under another name.</source>
        <translation>No se puede reemplazar {path}: está abierto en otro programa (¿un visor de PDF o una hoja de cálculo?). Ciérrelo allí e inténtelo de nuevo, o guarde con otro nombre.</translation>
    </message>
    <message>
        <source>Cannot write {path}: the full path is longer than Windows allows ({max} characters). Choose a shorter name or a folder nearer the top of the drive.</source>
        <translation>No se puede escribir {path}: la ruta completa es más larga de lo que Windows permite ({max} caracteres). Elija un nombre más corto o una carpeta más cercana a la raíz de la unidad.</translation>
    </message>
    <message>
        <source>Nothing was written: {path} cannot be used. Choose another file name.</source>
        <translation>No se escribió nada: {path} no se puede usar. Elija otro nombre de archivo.</translation>
    </message>
    <message>
        <source>The data file is damaged or is not an SMS OAT Studio data file. Restore it from a backup, or open another file.</source>
        <translation>El archivo de datos está dañado o no es un archivo de datos de SMS OAT Studio. Restáurelo desde una copia de seguridad o abra otro archivo.</translation>
    </message>
    <message>
        <source>The disk is full, so the last change was NOT saved. Free some space (or save to another drive) and try again.</source>
        <translation>El disco está lleno, así que el último cambio NO se guardó. Libere espacio (o guarde en otra unidad) e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The data file cannot be written (read-only file or folder), so the last change was NOT saved. Move the data file to a folder you can write to.</source>
        <translation>No se puede escribir en el archivo de datos (archivo o carpeta de solo lectura), así que el último cambio NO se guardó. Mueva el archivo de datos a una carpeta donde pueda escribir.</translation>
    </message>
    <message>
        <source>The data file is busy in another window of the app. Close the other window and try again.</source>
        <translation>El archivo de datos está en uso en otra ventana de la aplicación. Cierre la otra ventana e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>the file cannot be opened or read. Check that it is a file you may read, not a folder, and copy it again.</source>
        <translation>el archivo no se puede abrir ni leer. Compruebe que sea un archivo que usted puede leer, no una carpeta, y cópielo de nuevo.</translation>
    </message>
    <message>
        <source>this is not an exchange file (.smsoat) made by this app.</source>
        <translation>no es un archivo de intercambio (.smsoat) creado por esta aplicación.</translation>
    </message>
    <message>
        <source>the file is empty.</source>
        <translation>el archivo está vacío.</translation>
    </message>
    <message>
        <source>the file is incomplete or damaged.</source>
        <translation>el archivo está incompleto o dañado.</translation>
    </message>
    <message>
        <source>a part of the file changed after it was made (damaged on the way, or edited).</source>
        <translation>una parte del archivo cambió después de crearse (se dañó en el camino o fue editada).</translation>
    </message>
    <message>
        <source>the file is not in a format this app knows.</source>
        <translation>el archivo no tiene un formato que esta aplicación conozca.</translation>
    </message>
    <message>
        <source>the file was made by a newer version of this app. Update this app, then import it again.</source>
        <translation>el archivo fue creado por una versión más reciente de esta aplicación. Actualice esta aplicación y vuelva a importarlo.</translation>
    </message>
    <message>
        <source>the file&apos;s instrument has the same name and version as one here but different content. Ask the state which wording is official.</source>
        <translation>el instrumento del archivo tiene el mismo nombre y versión que uno de aquí, pero distinto contenido. Pregunte al estado cuál es la redacción oficial.</translation>
    </message>
    <message>
        <source>the file&apos;s data is not valid.</source>
        <translation>los datos del archivo no son válidos.</translation>
    </message>
    <message>
        <source>the file is far larger than any real round; it was not opened.</source>
        <translation>el archivo es mucho más grande que cualquier ronda real; no se abrió.</translation>
    </message>
    <message>
        <source>the file holds parts with unsafe names; it was not opened.</source>
        <translation>el archivo contiene partes con nombres inseguros; no se abrió.</translation>
    </message>
    <message>
        <source>the file holds the same part twice.</source>
        <translation>el archivo contiene la misma parte dos veces.</translation>
    </message>
    <message>
        <source>the file&apos;s text is not valid UTF-8.</source>
        <translation>el texto del archivo no es UTF-8 válido.</translation>
    </message>
    <message>
        <source>the file holds parts an exchange file never has.</source>
        <translation>el archivo contiene partes que un archivo de intercambio nunca tiene.</translation>
    </message>
    <message>
        <source>a part of the file is missing.</source>
        <translation>falta una parte del archivo.</translation>
    </message>
    <message>
        <source>the file&apos;s round, team or priorities clash with different records here. Nothing was changed; ask for help.</source>
        <translation>la ronda, el equipo o las prioridades del archivo chocan con registros distintos de aquí. No se cambió nada; pida ayuda.</translation>
    </message>
    <message>
        <source>the agency&apos;s signature does not match: the file was changed after it was signed, or damaged on the way.</source>
        <translation>la firma de la organización no coincide: el archivo se cambió después de firmarse o se dañó en el camino.</translation>
    </message>
    <message>
        <source>the file should carry the agency&apos;s signature but does not.</source>
        <translation>el archivo debería llevar la firma de la organización, pero no la lleva.</translation>
    </message>
    <message>
        <source>the file is sealed for another coordinator key, or there is no coordinator key here. Import it on the coordinator&apos;s computer, or restore the coordinator&apos;s keys.</source>
        <translation>el archivo está sellado para otra clave de coordinación, o aquí no hay ninguna clave de coordinación. Impórtelo en la computadora de la coordinación o restaure sus claves.</translation>
    </message>
    <message>
        <source>WARNING: this agency now signs with another key than the one trusted here. Call the agency and compare the key&apos;s fingerprint before accepting it.</source>
        <translation>ADVERTENCIA: esta organización ahora firma con una clave distinta de la que se confía aquí. Llame a la organización y compare la huella de la clave antes de aceptarla.</translation>
    </message>
    <message>
        <source>Ask the agency to export the round again and send the new file.</source>
        <translation>Pida a la organización que vuelva a exportar la ronda y envíe el archivo nuevo.</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>{0}

No backup was found in {1}. The file was left untouched; copy it somewhere safe and ask for help.</source>
        <translation>{0}

No se encontró ninguna copia de seguridad en {1}. El archivo no se modificó; cópielo a un lugar seguro y pida ayuda.</translation>
    </message>
    <message numerus="yes">
        <source>{0}

Restore the newest good backup from {1} (%n answer(s))? The damaged file is kept aside, not deleted.</source>
        <translation>
            <numerusform>{0}

¿Restaurar la copia de seguridad válida más reciente, del {1} (%n respuesta)? El archivo dañado se guarda aparte, no se elimina.</numerusform>
            <numerusform>{0}

¿Restaurar la copia de seguridad válida más reciente, del {1} (%n respuestas)? El archivo dañado se guarda aparte, no se elimina.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>The data file {0} is in a folder managed by {1}. Syncing or sharing a data file while the app uses it can damage it. Keep the data in the app&apos;s own data folder (the default) and put backups (File › Back up data…) in the synced folder instead.</source>
        <translation>El archivo de datos {0} está en una carpeta administrada por {1}. Sincronizar o compartir un archivo de datos mientras la aplicación lo usa puede dañarlo. Mantenga los datos en la carpeta propia de la aplicación (la predeterminada) y guarde las copias de seguridad (Archivo › Hacer una copia de seguridad…) en la carpeta sincronizada.</translation>
    </message>
    <message>
        <source>There is no data file at {0}. Check the name if you meant an existing file, or create a new, empty data file there.</source>
        <translation>No hay ningún archivo de datos en {0}. Revise el nombre si se refería a un archivo existente, o cree allí un archivo de datos nuevo y vacío.</translation>
    </message>
    <message>
        <source>Create a new data file</source>
        <translation>Crear un archivo de datos nuevo</translation>
    </message>
    <message>
        <source>This data is already open in another window of {0}. Switch to that window to keep working, or open a read-only view here.</source>
        <translation>Estos datos ya están abiertos en otra ventana de {0}. Cambie a esa ventana para seguir trabajando, o abra aquí una vista de solo lectura.</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Abrir en solo lectura</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>The data file failed its integrity check.</source>
        <translation>El archivo de datos no pasó la verificación de integridad.</translation>
    </message>
</context>
</TS>
