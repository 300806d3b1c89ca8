; Inno Setup script: a per-user installer for SMS OAT Studio on Windows (issue 23).
;
; Built on a Windows machine after `make dist` (or the CI workflow's PyInstaller step), from the
; repository root:
;     iscc /DAppVersion=0.2.0 build\windows\installer.iss
; It installs the one-folder bundle dist\smsoat\ into %LOCALAPPDATA%\Programs\SMS OAT Studio
; without administrator rights (PrivilegesRequired=lowest), adds a Start menu entry (and, if
; asked, a desktop one) and an uninstaller. The uninstaller removes only what it installed: the
; data folder (%LOCALAPPDATA%\SMS OAT Studio: the data file, its backups and keys, app/paths.py)
; is never touched. Signing: docs/windows.md. Never built here: this project has no Windows
; machine; tests/test_installer_script.py checks the rules above on the text.

#ifndef AppVersion
  #define AppVersion "0.2.0"
#endif
#define AppName "SMS OAT Studio"
#define AppExe "smsoat.exe"
#define CliExe "smsoat-cli.exe"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{6F1C2B9E-4A57-4D1B-9C3E-2E8A5D0B7F41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=SMS OAT Studio
; Per user, no administrator: {autopf} is %LOCALAPPDATA%\Programs when running without elevation.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
SetupIconFile=..\..\resources\icons\smsoat.ico
SourceDir=.
OutputDir=..\..\dist
OutputBaseFilename=smsoat-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: smsoat.exe (windowed), smsoat-cli.exe (console, for cmd.exe and
; PowerShell) and _internal\. Nothing goes anywhere else.
Source: "..\..\dist\smsoat\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [Registry] entries: the uninstaller removes the files above and the
; shortcuts, and leaves the data folder, its backups and the settings where they are.
