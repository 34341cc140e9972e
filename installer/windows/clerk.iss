; Inno Setup script for Clerk on Windows (Inno Setup 6.3 or newer).
;
; Build the program folder first, then compile this script:
;     py installer\dev.py build
;     iscc /DAppVersion=0.1.0 installer\windows\clerk.iss
; The installer is written to dist\Clerk-<version>-setup.exe. It installs for the current
; user without administrator rights (or for all users, if the person installing chooses),
; adds Clerk to the Start menu, opens a chair's review file (*.clerkreview) in Clerk when it
; is double-clicked, and removes the program and that file association on uninstall. The minutes database in
; %LOCALAPPDATA%\Clerk is never touched by installing, upgrading or uninstalling.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Clerk"
#define AppExe "Clerk.exe"
#define SourceDir "..\..\dist\Clerk"

[Setup]
; AppId identifies Clerk to Windows across upgrades: never change it.
AppId={{BE85A8EE-1923-4E4D-9843-41ED59F54D0C}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Clerk
AppComments=Take the minutes of council and board meetings and export them as Word minutes.
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=Clerk-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\clerk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
; Tell Explorer about the .clerkreview association as soon as setup finishes.
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled libraries as a whole, so no stale file is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Take the minutes of a meeting"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; A chair's review file (*.clerkreview) opens in Clerk's review mode: Clerk.exe FILE. HKA is
; the current user's classes for a per-user install and the machine's for an all-users one.
Root: HKA; Subkey: "Software\Classes\.clerkreview"; ValueType: string; ValueName: ""; ValueData: "Clerk.Review"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\.clerkreview"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-clerk-review"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\.clerkreview\OpenWithProgids"; ValueType: string; ValueName: "Clerk.Review"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\Clerk.Review"; ValueType: string; ValueName: ""; ValueData: "Clerk review file"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Clerk.Review\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\Clerk.Review\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".clerkreview"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
