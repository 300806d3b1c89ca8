<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionPlanPage</name>
    <message numerus="yes">
        <source>Delete the priority “{0}” with its goal and %n PDSA cycle(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Delete the priority “{0}” with its goal and %n PDSA cycle? This cannot be undone.</numerusform>
            <numerusform>Delete the priority “{0}” with its goal and %n PDSA cycles? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddInstrumentDialog</name>
    <message numerus="yes">
        <source>%n problem(s); fix them in the file and choose it again:</source>
        <translation>
            <numerusform>%n problem; fix it in the file and choose it again:</numerusform>
            <numerusform>%n problems; fix them in the file and choose it again:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeHistoryDialog</name>
    <message numerus="yes">
        <source>{0} of %n change(s) shown.</source>
        <translation>
            <numerusform>{0} of %n change shown.</numerusform>
            <numerusform>{0} of %n changes shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%n agencies</source>
        <translation>
            <numerusform>%n agency</numerusform>
            <numerusform>%n agencies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n round(s)</source>
        <translation>
            <numerusform>%n round</numerusform>
            <numerusform>%n rounds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n team member(s)</source>
        <translation>
            <numerusform>%n team member</numerusform>
            <numerusform>%n team members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n answer</numerusform>
            <numerusform>%n answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n saved answer(s)</source>
        <translation>
            <numerusform>%n saved answer</numerusform>
            <numerusform>%n saved answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agreed answer(s)</source>
        <translation>
            <numerusform>%n agreed answer</numerusform>
            <numerusform>%n agreed answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action-plan priorities</source>
        <translation>
            <numerusform>%n action-plan priority</numerusform>
            <numerusform>%n action-plan priorities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n section</numerusform>
            <numerusform>%n sections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n domain(s)</source>
        <translation>
            <numerusform>%n domain</numerusform>
            <numerusform>%n domains</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>• not included: %n withdrawn team member(s) and their answers</source>
        <translation>
            <numerusform>• not included: %n withdrawn team member and their answers</numerusform>
            <numerusform>• not included: %n withdrawn team members and their answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• {0} of their %n comment(s) on answers, as ticked below</source>
        <translation>
            <numerusform>• {0} of their %n comment on answers, as ticked below</numerusform>
            <numerusform>• {0} of their %n comments on answers, as ticked below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• %n agreed consensus answer(s) with their rationale</source>
        <translation>
            <numerusform>• %n agreed consensus answer with their rationale</numerusform>
            <numerusform>• %n agreed consensus answers with their rationale</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• the action plan (%n priorities)</source>
        <translation>
            <numerusform>• the action plan (%n priority)</numerusform>
            <numerusform>• the action plan (%n priorities)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message numerus="yes">
        <source>{0} of %n item(s) answered; {1} marked don&apos;t know or not applicable.</source>
        <translation>
            <numerusform>{0} of %n item answered; {1} marked don&apos;t know or not applicable.</numerusform>
            <numerusform>{0} of %n items answered; {1} marked don&apos;t know or not applicable.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <source>{0}: %n round(s) of {1}. ▲ higher than the round before, ▼ lower.</source>
        <translation>
            <numerusform>{0}: %n round of {1}. ▲ higher than the round before, ▼ lower.</numerusform>
            <numerusform>{0}: %n rounds of {1}. ▲ higher than the round before, ▼ lower.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Imported {0} of %n file(s)…</source>
        <translation>
            <numerusform>Imported {0} of %n file…</numerusform>
            <numerusform>Imported {0} of %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n file(s) not imported.</source>
        <translation>
            <numerusform>Stopped: %n file not imported.</numerusform>
            <numerusform>Stopped: %n files not imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n instrument file(s) could not be used; the other instruments work as usual. Fix each file (smsoat instrument check FILE shows every problem) and restart.</source>
        <translation>
            <numerusform>%n instrument file could not be used; the other instruments work as usual. Fix the file (smsoat instrument check FILE shows every problem) and restart.</numerusform>
            <numerusform>%n instrument files could not be used; the other instruments work as usual. Fix each file (smsoat instrument check FILE shows every problem) and restart.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n round(s)</source>
        <translation>
            <numerusform>Imported %n round</numerusform>
            <numerusform>Imported %n rounds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• {0}: {1} of %n item(s) answered</source>
        <translation>
            <numerusform>• {0}: {1} of %n item answered</numerusform>
            <numerusform>• {0}: {1} of %n items answered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove {0} and their %n answer(s)? This cannot be undone; a backup copy is made first. (Withdraw keeps the answers and leaves them out of every score instead.)</source>
        <translation>
            <numerusform>Remove {0} and their %n answer? This cannot be undone; a backup copy is made first. (Withdraw keeps the answers and leaves them out of every score instead.)</numerusform>
            <numerusform>Remove {0} and their %n answers? This cannot be undone; a backup copy is made first. (Withdraw keeps the answers and leaves them out of every score instead.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Withdraw {0} from this round? Their %n answer(s) are kept but left out of every score, report and export until they are reinstated. The change log records it.</source>
        <translation>
            <numerusform>Withdraw {0} from this round? Their %n answer is kept but left out of every score, report and export until they are reinstated. The change log records it.</numerusform>
            <numerusform>Withdraw {0} from this round? Their %n answers are kept but left out of every score, report and export until they are reinstated. The change log records it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>Sent %n page to the printer.</numerusform>
            <numerusform>Sent %n pages to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdsaEditor</name>
    <message numerus="yes">
        <source>First raised in round {0}; carried into %n later round(s).</source>
        <translation>
            <numerusform>First raised in round {0}; carried into %n later round.</numerusform>
            <numerusform>First raised in round {0}; carried into %n later rounds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoundPage</name>
    <message numerus="yes">
        <source>{0} ({1}) · %n answer(s) kept</source>
        <translation>
            <numerusform>{0} ({1}) · %n answer kept</numerusform>
            <numerusform>{0} ({1}) · %n answers kept</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SitesDialog</name>
    <message numerus="yes">
        <source>This site holds %n round(s). Removing it makes them the whole agency&apos;s rounds; nothing is deleted. Remove it?</source>
        <translation>
            <numerusform>This site holds %n round. Removing it makes it the whole agency&apos;s round; nothing is deleted. Remove it?</numerusform>
            <numerusform>This site holds %n rounds. Removing it makes them the whole agency&apos;s rounds; nothing is deleted. Remove it?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Site removed; %n round(s) are now the whole agency&apos;s.</source>
        <translation>
            <numerusform>Site removed; %n round is now the whole agency&apos;s.</numerusform>
            <numerusform>Site removed; %n rounds are now the whole agency&apos;s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamViewPage</name>
    <message numerus="yes">
        <source>Not counted yet ({0} of %n people; {1}): {2}</source>
        <translation>
            <numerusform>Not counted yet ({0} of %n person; {1}): {2}</numerusform>
            <numerusform>Not counted yet ({0} of %n people; {1}): {2}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message numerus="yes">
        <source>{0}

Restore the newest good backup from {1} (%n answer(s))? The damaged file is kept aside, not deleted.</source>
        <translation>
            <numerusform>{0}

Restore the newest good backup from {1} (%n answer)? The damaged file is kept aside, not deleted.</numerusform>
            <numerusform>{0}

Restore the newest good backup from {1} (%n answers)? The damaged file is kept aside, not deleted.</numerusform>
        </translation>
    </message>
</context>
</TS>
