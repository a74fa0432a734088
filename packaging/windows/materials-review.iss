; Inno Setup 6 script: the one-folder application as a Windows installer (run by scripts\build-windows.ps1:
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\materials-review.iss  → dist\materials-review-setup-0.1.0.exe).
; Installs per user (no admin rights, %LOCALAPPDATA%\Programs) or for all users when run as administrator;
; a Start-menu and optional desktop shortcut named 申报材料审核台; double-clicking a .mrpkg opens the program.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1E8E8B-3F0A-4C59-9C1D-5B2A4D7E9F10}
AppName=申报材料审核台
AppVersion={#AppVersion}
AppPublisher=materials-review
DefaultDirName={autopf}\materials-review
DefaultGroupName=申报材料审核台
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=materials-review-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\materials-review.ico
UninstallDisplayIcon={app}\materials-review.exe
Compression=lzma2
SolidCompression=yes
ChangesAssociations=yes
WizardStyle=modern

[Languages]
; Chinese wizard pages where this Inno Setup has them (Languages\ChineseSimplified.isl), else English.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
Name: "english"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; Flags: unchecked

[Files]
Source: "..\..\dist\materials-review\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\申报材料审核台"; Filename: "{app}\materials-review.exe"
Name: "{autodesktop}\申报材料审核台"; Filename: "{app}\materials-review.exe"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\.mrpkg"; ValueType: string; ValueName: ""; ValueData: "MaterialsReview.Package"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\MaterialsReview.Package"; ValueType: string; ValueName: ""; ValueData: "申报材料包"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\MaterialsReview.Package\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\materials-review.exe,0"
Root: HKA; Subkey: "Software\Classes\MaterialsReview.Package\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\materials-review.exe"" gui ""%1"""

[Run]
Filename: "{app}\materials-review.exe"; Description: "启动申报材料审核台"; Flags: nowait postinstall skipifsilent
