<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminMenu</name>
    <message>
        <location filename="../../desktop/admin_menu.py" line="31"/>
        <source>管理(&amp;M)</source>
        <translation>&amp;Manage</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_menu.py" line="34"/>
        <source>工作组与分工…</source>
        <translation>Groups and assignments…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_menu.py" line="37"/>
        <source>只有文明办账户可以管理工作组和分工。{0}“{1}”的所属工作组和条目由文明办安排。</source>
        <translation>Only an office account can manage groups and assignments. The office decides the group and items of {0} &quot;{1}&quot;.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_menu.py" line="39"/>
        <source>账户…</source>
        <translation>Accounts…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_menu.py" line="42"/>
        <source>载入操作手册…</source>
        <translation>Load operation manual…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_menu.py" line="44"/>
        <source>只有文明办账户可以载入操作手册。</source>
        <translation>Only an office account can load the operation manual.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_menu.py" line="46"/>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_menu.py" line="49"/>
        <source>工作区还没有账户，无需密码。请先在“管理 › 账户”中新建文明办账户。</source>
        <translation>This workspace has no accounts yet, so there is no password. Create an office account first in Manage › Accounts.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_menu.py" line="61"/>
        <source>密码已修改。下次登录请使用新密码。</source>
        <translation>Password changed. Use the new password the next time you log in.</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_menu.py" line="67"/>
        <source>已载入操作手册</source>
        <translation>Operation manual loaded</translation>
    </message>
</context>
<context>
    <name>AssignmentTree</name>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="88"/>
        <source>测评条目</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="88"/>
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="88"/>
        <source>配合</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="88"/>
        <source>其他组</source>
        <translation>Other groups</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="181"/>
        <source>随测评内容 {0} 分配</source>
        <translation>Assigned with content {0}</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../desktop/dashboard.py" line="107"/>
        <source>工作组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="107"/>
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="107"/>
        <source>材料文件</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="109"/>
        <source>必须修改</source>
        <translation>Must fix</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="110"/>
        <source>签字</source>
        <translation>Sign-off</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="110"/>
        <source>签字时间</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="110"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="110"/>
        <source>材料包</source>
        <translation>Package</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="119"/>
        <source>双击一个工作组查看它的材料（只读）</source>
        <translation>Double-click a group to view its materials (read-only)</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="146"/>
        <source>&lt;h3&gt;{0} {1} 年申报材料总览&lt;/h3&gt;&lt;span&gt;操作手册：{2}&lt;/span&gt;</source>
        <translation>&lt;h3&gt;{0} {1}: declaration materials overview&lt;/h3&gt;&lt;span&gt;Manual: {2}&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="147"/>
        <source>（未载入）</source>
        <translation>(not loaded)</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="169"/>
        <source>没有工作组负责的材料审核条目（{0} 条），请在“管理 › 工作组与分工”中分配：</source>
        <translation>Material standards no group is responsible for ({0}); assign them in Manage › Groups and assignments:</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="174"/>
        <source>所有材料审核条目都已分配到工作组。</source>
        <translation>Every material standard is assigned to a group.</translation>
    </message>
</context>
<context>
    <name>EditUserDialog</name>
    <message>
        <location filename="../../desktop/users_dialog.py" line="141"/>
        <source>修改账户 — {0}</source>
        <translation>Edit account — {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="144"/>
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="145"/>
        <source>所属工作组：</source>
        <translation>Group:</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="146"/>
        <source>“{0}”的密码不变；新的角色和工作组在其下次登录时生效。</source>
        <translation>The password of “{0}” stays the same; the new role and group take effect at their next login.</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="150"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="163"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>GroupNameDialog</name>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="65"/>
        <source>重命名工作组</source>
        <translation>Rename group</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="65"/>
        <source>新建工作组</source>
        <translation>New group</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="68"/>
        <source>简短的编号，例如 XC</source>
        <translation>A short code, e.g. XC</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="70"/>
        <source>例如：宣传组</source>
        <translation>e.g. Publicity group</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="72"/>
        <source>编号：</source>
        <translation>Code:</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="73"/>
        <source>名称：</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>GroupsDialog</name>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="195"/>
        <source>工作组与分工</source>
        <translation>Groups and assignments</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="197"/>
        <source>工作组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="197"/>
        <source>组长</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="197"/>
        <source>材料员</source>
        <translation>Clerks</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="197"/>
        <source>条目</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="207"/>
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="209"/>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="211"/>
        <source>组长/材料员…</source>
        <translation>Leader/clerk…</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="212"/>
        <source>为所选工作组新建组长或材料员账户</source>
        <translation>Create a leader or clerk account for the selected group</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="214"/>
        <source>从文件载入…</source>
        <translation>Load from file…</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="215"/>
        <source>从 YAML、CSV 或 XLSX 文件载入工作组及分工（列：编号、名称、牵头、配合）</source>
        <translation>Load groups and assignments from a YAML, CSV or XLSX file (columns: 编号, 名称, 牵头, 配合)</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="230"/>
        <source>保存分工</source>
        <translation>Save assignments</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="232"/>
        <source>撤销更改</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="275"/>
        <location filename="../../desktop/groups_dialog.py" line="276"/>
        <source>未设</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="287"/>
        <source>还没有工作组。点“新建…”建立第一个工作组，或“从文件载入…”一次载入全部工作组及分工。</source>
        <translation>No groups yet. Click &quot;New…&quot; to create the first group, or &quot;Load from file…&quot; to load all groups and their assignments at once.</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="322"/>
        <source>工作区还没有载入操作手册，无法分配条目。</source>
        <translation>The workspace has no operation manual yet, so no items can be assigned.</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="326"/>
        <source>&lt;b&gt;{0}（{1}）&lt;/b&gt;负责的条目：勾选“牵头”或“配合”。勾选测评内容即包括其下全部测评标准。</source>
        <translation>Items of &lt;b&gt;{0} ({1})&lt;/b&gt;: tick &quot;Lead&quot; or &quot;Support&quot;. Ticking a content includes all its standards.</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="339"/>
        <source>分工未保存</source>
        <translation>Assignments not saved</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="339"/>
        <source>对工作组 {0} 分工的更改还没有保存。要保存吗？</source>
        <translation>The changes to the assignments of group {0} are not saved. Save them?</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="358"/>
        <source>工作区还没有账户。请先在“管理 › 账户”中新建文明办账户，再为各组新建组长和材料员账户。</source>
        <translation>This workspace has no accounts yet. Create an office account in Manage › Accounts first, then the leaders and clerks of each group.</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="364"/>
        <location filename="../../desktop/groups_dialog.py" line="401"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="379"/>
        <source>已新建工作组 {0}（{1}）。</source>
        <translation>Group {0} ({1}) created.</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="384"/>
        <source>工作组 {0} 已改名为“{1}”。</source>
        <translation>Group {0} renamed to &quot;{1}&quot;.</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="395"/>
        <source>已保存 {0} 的分工：{1}。</source>
        <translation>Assignments of {0} saved: {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="407"/>
        <source>已从 {0} 载入 {1} 个工作组及其分工。</source>
        <translation>Loaded {1} groups and their assignments from {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="430"/>
        <source>已新建账户“{0}”。</source>
        <translation>Account &quot;{0}&quot; created.</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="433"/>
        <source>选择工作组分工文件</source>
        <translation>Choose a file of groups and assignments</translation>
    </message>
    <message>
        <location filename="../../desktop/groups_dialog.py" line="434"/>
        <source>工作组分工 (*.yaml *.yml *.csv *.xlsx)</source>
        <translation>Groups and assignments (*.yaml *.yml *.csv *.xlsx)</translation>
    </message>
</context>
<context>
    <name>HandoverActions</name>
    <message>
        <location filename="../../desktop/office_actions.py" line="103"/>
        <source>登记组长公钥…</source>
        <translation>Register a leader&apos;s key…</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="104"/>
        <source>登记组长交来的公钥文件（电话核对指纹）</source>
        <translation>Register the public-key file a leader handed in (check the fingerprint by phone)</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="105"/>
        <source>导入材料包…</source>
        <translation>Import packages…</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="106"/>
        <source>核验并导入各组交来的材料包（.mrpkg 文件或 U 盘文件夹）</source>
        <translation>Verify and import the groups&apos; packages (.mrpkg files or a USB folder)</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="107"/>
        <source>导出最终申报材料…</source>
        <translation>Export the final submission…</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="108"/>
        <source>按平台规则检查后导出最终申报材料（文件夹或压缩包）</source>
        <translation>Check the platform&apos;s rules, then export the final submission (folder or ZIP)</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="109"/>
        <source>生成报表…</source>
        <translation>Write reports…</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="110"/>
        <source>生成材料清单、审核签字表、问题清单（Word 文档）</source>
        <translation>Write the material list, the sign-off sheet and the issue list (Word documents)</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="111"/>
        <source>导出签字包…</source>
        <translation>Export the signed package…</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="112"/>
        <source>把本组已签字的材料导出为材料包，拷到 U 盘交文明办</source>
        <translation>Export the group&apos;s signed materials as a package to hand to the office on a USB stick</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="113"/>
        <source>导出公钥…</source>
        <translation>Export public key…</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="114"/>
        <source>导出本人的公钥文件交文明办登记</source>
        <translation>Export your public-key file for the office to register</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="117"/>
        <source>只有组长有签名密钥；请用组长账户登录后导出公钥。</source>
        <translation>Only group leaders have a signing key; log in as a leader to export the public key.</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="130"/>
        <source>汇总报送(&amp;S)</source>
        <translation>&amp;Submission</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="135"/>
        <source>报送(&amp;S)</source>
        <translation>&amp;Hand-over</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="145"/>
        <source>选择组长交来的公钥文件</source>
        <translation>Choose the leader&apos;s public-key file</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="145"/>
        <location filename="../../desktop/office_actions.py" line="242"/>
        <source>公钥文件 (*.json);;所有文件 (*)</source>
        <translation>Public-key files (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="162"/>
        <source>已登记 {0} 组长“{1}”的公钥。</source>
        <translation>Registered the public key of {0} leader “{1}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="162"/>
        <source>{0} 组长“{1}”的公钥此前已登记。</source>
        <translation>The public key of {0} leader “{1}” was already registered.</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="184"/>
        <source>导入材料包</source>
        <translation>Import packages</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="185"/>
        <source>材料包 {0} 由文明办核验和导入。请把它交给文明办，或用文明办账户登录本工作区后再打开它。</source>
        <translation>Package {0} is verified and imported by the civilization office. Hand it to the office, or log in to this workspace with an office account and open it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="199"/>
        <source>请先在工具栏选择要导出的工作组。</source>
        <translation>Choose the group to export in the toolbar first.</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="201"/>
        <source>选择导出材料包的文件夹（如 U 盘）</source>
        <translation>Choose the folder to export the package to (e.g. a USB stick)</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="212"/>
        <source>工作组 {0} 尚未签字，不能导出材料包。请组长审核后签字确认（“审核”菜单 › 签字确认）。</source>
        <translation>Group {0} has not been signed off, so no package can be exported. The leader reviews and signs off first (Review › Sign off).</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="216"/>
        <source>覆盖材料包</source>
        <translation>Overwrite package</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="216"/>
        <source>{0} 已存在。要覆盖它吗？</source>
        <translation>{0} already exists. Overwrite it?</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="222"/>
        <source>已导出材料包</source>
        <translation>Package exported</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="223"/>
        <source>已导出工作组 {0} 的材料包：
{1}
请把它交给文明办导入。</source>
        <translation>Exported the package of group {0}:
{1}
Hand it to the office for import.</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="225"/>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="231"/>
        <source>导出材料包 {0}</source>
        <translation>Exporting package {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="241"/>
        <source>{0}的公钥.json</source>
        <translation>{0} public key.json</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="242"/>
        <location filename="../../desktop/office_actions.py" line="247"/>
        <source>导出公钥</source>
        <translation>Export public key</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="248"/>
        <source>请输入组长“{0}”的密码（第一次导出时用它生成签名密钥）：</source>
        <translation>Password of leader “{0}” (the first export uses it to create the signing key):</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="259"/>
        <source>已导出公钥</source>
        <translation>Public key exported</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="260"/>
        <source>已导出“{0}”的公钥到 {1}。

公钥指纹：
{2}

请把公钥文件交给文明办，并在文明办登记时电话念出这个指纹供核对。</source>
        <translation>Exported the public key of “{0}” to {1}.

Key fingerprint:
{2}

Hand the file to the office and read this fingerprint out on the phone when they register it.</translation>
    </message>
</context>
<context>
    <name>ItemStates</name>
    <message>
        <location filename="../../desktop/manual_tree.py" line="56"/>
        <source>已变更</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../desktop/manual_tree.py" line="57"/>
        <source>有问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../desktop/manual_tree.py" line="58"/>
        <source>缺失</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../desktop/manual_tree.py" line="59"/>
        <source>待审核</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../desktop/manual_tree.py" line="60"/>
        <source>豁免</source>
        <translation>Waived</translation>
    </message>
    <message>
        <location filename="../../desktop/manual_tree.py" line="61"/>
        <source>合格</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>KeyConfirmDialog</name>
    <message>
        <location filename="../../desktop/office_actions.py" line="66"/>
        <source>登记组长公钥</source>
        <translation>Register a leader&apos;s key</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="68"/>
        <source>公钥文件 {0}：工作组 {1}，组长“{2}”。
请打电话给该组长，请他念出本人的公钥指纹，与下面的指纹逐组核对；一致后再登记。</source>
        <translation>Public-key file {0}: group {1}, leader “{2}”.
Phone the leader, have them read out their key fingerprint and compare it group by group with the one below; register only if it matches.</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="82"/>
        <source>本工作区还没有工作组 {0}。登记时将按公钥文件新建该工作组。</source>
        <translation>This workspace has no group {0} yet. Registering will create it from the key file.</translation>
    </message>
    <message>
        <location filename="../../desktop/office_actions.py" line="87"/>
        <source>指纹一致，登记</source>
        <translation>Fingerprint matches, register</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/login_dialog.py" line="32"/>
        <source>登录 — {0}</source>
        <translation>Log in — {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="42"/>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="43"/>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="45"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="49"/>
        <source>工作区 {0} 已启用账户，请登录。</source>
        <translation>Workspace {0} has accounts. Please log in.</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="72"/>
        <source>请填写用户名。</source>
        <translation>Please enter a user name.</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="75"/>
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="81"/>
        <source>申报材料审核台 — {0}</source>
        <translation>Materials Review — {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="104"/>
        <source>测评条目</source>
        <translation>Manual items</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="105"/>
        <location filename="../../desktop/main_window.py" line="171"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="129"/>
        <source>当前用户：{0}</source>
        <translation>User: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="132"/>
        <source>查看签字状态及签字后的变化</source>
        <translation>Sign-off state and changes since</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="144"/>
        <source>选择要查看或审核的工作组</source>
        <translation>Choose the task group to view or review</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="163"/>
        <source>打开其他工作区…</source>
        <translation>Open another workspace…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="164"/>
        <source>扫描文件夹…</source>
        <translation>Scan folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="164"/>
        <source>扫描或重新扫描本组材料文件夹</source>
        <translation>Scan or re-scan this group&apos;s materials folder</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="165"/>
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="166"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="167"/>
        <source>总览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="167"/>
        <source>各工作组的进度总览</source>
        <translation>Progress of every task group</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="168"/>
        <source>审核台</source>
        <translation>Review desk</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="169"/>
        <source>当前工作组的审核台</source>
        <translation>Review desk of the current group</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="170"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="172"/>
        <source>上一条</source>
        <translation>Previous item</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="173"/>
        <source>上一个测评标准</source>
        <translation>Previous standard</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="174"/>
        <source>下一条</source>
        <translation>Next item</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="175"/>
        <source>下一个测评标准</source>
        <translation>Next standard</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="176"/>
        <source>通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="177"/>
        <source>审核通过当前条目并转到下一条</source>
        <translation>Approve the current item and go to the next</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="178"/>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="179"/>
        <source>退回当前条目（须写明原因）</source>
        <translation>Return the current item (a reason is required)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="180"/>
        <source>下一个问题</source>
        <translation>Next finding</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="181"/>
        <source>在右侧显示当前条目的下一个问题</source>
        <translation>Show the next finding of the current item</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="182"/>
        <source>签字确认…</source>
        <translation>Sign off…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="183"/>
        <location filename="../../desktop/main_window.py" line="430"/>
        <source>组长对本组材料签字确认</source>
        <translation>The leader signs off the group&apos;s materials</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="184"/>
        <source>为什么不能签字？</source>
        <translation>Why can I not sign?</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="185"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="188"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="193"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="196"/>
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="207"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="210"/>
        <source>常用</source>
        <translation>Main</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="213"/>
        <source> 工作组：</source>
        <translation> Group:</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="256"/>
        <source>操作正在进行</source>
        <translation>Operation in progress</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="257"/>
        <source>“{0}”还在进行。要取消它并关闭窗口吗？已完成的部分会保存。</source>
        <translation>“{0}” is still running. Cancel it and close the window? Finished work is kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="321"/>
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="322"/>
        <source>工作组 {0}（{1}）{2}：{3} 个材料审核条目</source>
        <translation>Group {0} ({1}){2}: {3} items to review</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="357"/>
        <source>无法给出归类建议：{0}</source>
        <translation>Could not suggest standards: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="414"/>
        <source>当前条目没有发现问题。</source>
        <translation>No findings for the current item.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="424"/>
        <source>不能通过：{0}</source>
        <translation>Cannot approve: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="425"/>
        <source>审核通过本条目</source>
        <translation>Approve this standard</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="451"/>
        <location filename="../../desktop/main_window.py" line="471"/>
        <source>退回 {0}</source>
        <translation>Return {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="452"/>
        <source>退回原因（材料员会看到，请写明需要补充或修改的内容）：</source>
        <translation>Reason (the clerk will see it; say what to add or change):</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="471"/>
        <source>审核通过 {0}</source>
        <translation>Approve {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="482"/>
        <source>豁免问题</source>
        <translation>Waive finding</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="483"/>
        <source>豁免“{0}”的理由（会记录在签字材料中，文明办可见）：</source>
        <translation>Reason for waiving “{0}” (recorded with the sign-off, seen by the office):</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="491"/>
        <source>已豁免：{0}</source>
        <translation>Waived: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="511"/>
        <source>已把 {0} 归到 {1}。</source>
        <translation>Mapped {0} to {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="510"/>
        <source>归类 {0} 个文件到 {1}</source>
        <translation>Map {0} files to {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="289"/>
        <source>工作区还没有工作组。请在“管理 › 工作组与分工”中新建工作组并分配测评条目。</source>
        <translation>The workspace has no groups yet. Create groups and assign items in Manage › Groups and assignments.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="291"/>
        <source>工作区还没有工作组。请文明办新建工作组并分配测评条目。</source>
        <translation>The workspace has no groups yet. Ask the office to create groups and assign items.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="315"/>
        <source>工作区还没有载入操作手册。请在“管理 › 载入操作手册”中载入后再刷新。</source>
        <translation>The workspace has no operation manual yet. Load one in Manage › Load operation manual, then refresh.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="430"/>
        <source>不能签字：{0}</source>
        <translation>Cannot sign: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="457"/>
        <source>退回条目 {0} 必须写明原因。</source>
        <translation>Returning {0} needs a reason.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="461"/>
        <source>{0} 已通过。</source>
        <translation>{0} approved.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="461"/>
        <source>{0} 已退回。</source>
        <translation>{0} returned.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="502"/>
        <source>{0}“{1}”不能为工作组 {2} 归类材料。</source>
        <translation>{0} “{1}” may not map materials for group {2}.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="521"/>
        <source>已采纳建议，把 {0} 归到 {1}。</source>
        <translation>Suggestion accepted: {0} mapped to {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="563"/>
        <source>已签字（第 {0} 版）。</source>
        <translation>Signed (version {0}).</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="569"/>
        <source>现在可以签字确认（审核 › 签字确认）。</source>
        <translation>You can sign off now (Review › Sign off).</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="571"/>
        <source>为什么不能签字</source>
        <translation>Why signing is not possible</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="572"/>
        <source>现在还不能签字确认，原因（共 {0} 条）：</source>
        <translation>Signing off is not possible yet ({0} reasons):</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="575"/>
        <source>
……另有 {0} 条</source>
        <translation>
… and {0} more</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="587"/>
        <source>选择工作组 {0} 的材料文件夹</source>
        <translation>Choose the materials folder of group {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="613"/>
        <source>扫描 {0}</source>
        <translation>Scan {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="631"/>
        <source>文字识别 本组以前扫描的 {0} 个文件</source>
        <translation>OCR of {0} files this group scanned earlier</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="639"/>
        <source>关于申报材料审核台</source>
        <translation>About Materials Review</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="640"/>
        <source>申报材料审核台：全国文明城市申报材料的整理、检查、审核签字与汇总。
工作区：{0}
日志：{1}</source>
        <translation>Materials Review: collect, check, review, sign off and collate declaration materials.
Workspace: {0}
Log: {1}</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="320"/>
        <source>载入操作手册</source>
        <translation>Load operation manual</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="326"/>
        <source>载入</source>
        <translation>Load</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="331"/>
        <source>载入后，它成为本工作区的当前操作手册；已有的分工和归类按条目编号保留。</source>
        <translation>Once loaded it becomes the workspace&apos;s current manual; existing assignments and mappings are kept by item code.</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="344"/>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>ManualPage</name>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="182"/>
        <source>操作手册</source>
        <translation>Operation manual</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="183"/>
        <source>操作手册列出测评项目、指标、内容和标准，以及每条标准要求的材料。</source>
        <translation>The operation manual lists the projects, indicators, contents and standards, and the materials each standard asks for.</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="184"/>
        <source>内置示例手册（可先试用，以后再载入正式手册）</source>
        <translation>The bundled sample manual (try it now, load the official manual later)</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="186"/>
        <source>导入 Word 手册（或 YAML 文件）：</source>
        <translation>Import a Word manual (or a YAML file):</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="192"/>
        <source>选择 .docx 文件</source>
        <translation>Choose a .docx file</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="193"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="202"/>
        <source>已读取的条目</source>
        <translation>Items read</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="225"/>
        <source>将载入内置示例手册。</source>
        <translation>The bundled sample manual will be loaded.</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="229"/>
        <source>选择操作手册</source>
        <translation>Choose the operation manual</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="230"/>
        <source>操作手册 (*.docx *.yaml *.yml)</source>
        <translation>Operation manuals (*.docx *.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="242"/>
        <source>正在读取 {0}…</source>
        <translation>Reading {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="252"/>
        <source>《{0}》（{1}）：{2}。</source>
        <translation>“{0}” ({1}): {2}.</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="253"/>
        <source>另有 {0} 行未能读取，见右侧；可以先载入，以后改正手册后重新载入。</source>
        <translation> {0} rows could not be read (listed on the right); you can load it now and load a corrected manual later.</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="267"/>
        <source>未能读取的行：{0}</source>
        <translation>Rows not read: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="268"/>
        <source>所有表格行都已读取。</source>
        <translation>Every table row was read.</translation>
    </message>
</context>
<context>
    <name>ManualTree</name>
    <message>
        <location filename="../../desktop/manual_tree.py" line="260"/>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../desktop/manual_tree.py" line="273"/>
        <source>测评条目</source>
        <translation>Manual items</translation>
    </message>
    <message>
        <location filename="../../desktop/manual_tree.py" line="274"/>
        <source>本组还没有分配测评条目。请文明办在“管理 › 工作组与分工”中为本组勾选测评内容或测评标准。</source>
        <translation>No items are assigned to this group yet. The office ticks the group&apos;s contents or standards in Manage › Groups and assignments.</translation>
    </message>
    <message>
        <location filename="../../desktop/manual_tree.py" line="278"/>
        <source>筛选：</source>
        <translation>Filter:</translation>
    </message>
</context>
<context>
    <name>ManualTreeModel</name>
    <message>
        <location filename="../../desktop/manual_tree.py" line="116"/>
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../desktop/manual_tree.py" line="116"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/manual_tree.py" line="116"/>
        <source>材料</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../desktop/manual_tree.py" line="155"/>
        <source>{0} 份</source>
        <translation>{0} files</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <location filename="../../desktop/users_dialog.py" line="83"/>
        <source>新建账户</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="90"/>
        <source>姓名（登录用）：</source>
        <translation>Name (to log in):</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="91"/>
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="92"/>
        <source>所属工作组：</source>
        <translation>Group:</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="93"/>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="94"/>
        <source>再输一次：</source>
        <translation>Repeat:</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="95"/>
        <source>工作区还没有账户：第一个账户必须是文明办账户。建立后，打开本工作区需要登录。</source>
        <translation>The workspace has no accounts yet: the first account must be an office account. Once it exists, opening this workspace needs a login.</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="97"/>
        <source>组长审核、豁免并签字确认本组材料；材料员扫描和归类本组材料；文明办管理工作区。</source>
        <translation>A leader reviews, waives and signs off the group&apos;s materials; a clerk scans and maps them; the office manages the workspace.</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="101"/>
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="115"/>
        <source>请填写姓名。</source>
        <translation>Please enter a name.</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="118"/>
        <source>两次输入的密码不一致，请重新输入。</source>
        <translation>The two passwords differ; please type them again.</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="121"/>
        <source>正在新建…</source>
        <translation>Creating…</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <location filename="../../desktop/workers.py" line="157"/>
        <source>正在估算剩余时间…</source>
        <translation>Estimating time left…</translation>
    </message>
    <message>
        <location filename="../../desktop/workers.py" line="162"/>
        <source>剩余约 {0} 秒</source>
        <translation>About {0} s left</translation>
    </message>
    <message>
        <location filename="../../desktop/workers.py" line="165"/>
        <source>剩余约 {0} 分 {1:02d} 秒</source>
        <translation>About {0} min {1:02d} s left</translation>
    </message>
    <message>
        <location filename="../../desktop/workers.py" line="167"/>
        <source>剩余约 {0} 小时 {1:02d} 分</source>
        <translation>About {0} h {1:02d} min left</translation>
    </message>
    <message>
        <location filename="../../desktop/workers.py" line="189"/>
        <location filename="../../desktop/workers.py" line="222"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/workers.py" line="215"/>
        <source>“{0}”正在进行。请等它完成或点“取消”后再开始“{1}”。</source>
        <translation>“{0}” is in progress. Wait for it to finish or click Cancel before starting “{1}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/workers.py" line="220"/>
        <source>准备中…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../desktop/workers.py" line="241"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../desktop/workers.py" line="160"/>
        <location filename="../../desktop/workers.py" line="250"/>
        <source>即将完成</source>
        <translation>Almost done</translation>
    </message>
</context>
<context>
    <name>PackageImportDialog</name>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="63"/>
        <source>导入材料包</source>
        <translation>Import packages</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="65"/>
        <source>选择各组交来的材料包（.mrpkg），或选择 U 盘上的文件夹导入其中全部材料包。每个材料包先核验签名和每个文件的指纹，全部一致才导入；不一致的被拒绝，本工作区不受影响。</source>
        <translation>Choose the groups&apos; packages (.mrpkg), or a folder on a USB stick to import every package in it. Each package&apos;s signature and every file&apos;s fingerprint are verified first; only a package that matches completely is imported. Others are refused and the workspace is left unchanged.</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="68"/>
        <source>选择材料包文件…</source>
        <translation>Choose package files…</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="70"/>
        <source>从文件夹导入（如 U 盘）…</source>
        <translation>Import from a folder (e.g. USB stick)…</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="77"/>
        <source>材料包</source>
        <translation>Package</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="77"/>
        <source>工作组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="77"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="77"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="100"/>
        <source>选择材料包</source>
        <translation>Choose packages</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="101"/>
        <source>材料包 (*.mrpkg);;所有文件 (*)</source>
        <translation>Packages (*.mrpkg);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="106"/>
        <source>选择存放材料包的文件夹（如 U 盘）</source>
        <translation>Choose the folder holding the packages (e.g. a USB stick)</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="111"/>
        <source>文件夹 {0} 及其下一层子文件夹中没有材料包（.mrpkg 文件）。</source>
        <translation>There is no package (.mrpkg file) in {0} or the folders directly inside it.</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="118"/>
        <source>上一批材料包还在导入，请等它完成或点“取消”。</source>
        <translation>The previous packages are still being imported. Wait for them to finish or click Cancel.</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="140"/>
        <source>正在核验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="143"/>
        <source>核验并导入 {0}（{1}/{2}）</source>
        <translation>Verifying and importing {0} ({1}/{2})</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="153"/>
        <source>第 {0} 版签字，组长 {1}，{2}；{3} 个文件，与签字清单全部一致。</source>
        <translation>Sign-off version {0} by {1}, {2}; {3} files, all matching the signed list.</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="157"/>
        <source>取代此前导入的第 {0} 版，变动 {1} 处。{2}</source>
        <translation> Replaces the previously imported version {0}; {1} changes. {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="173"/>
        <source>已取消，未导入。</source>
        <translation>Cancelled, not imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="189"/>
        <source>共 {0} 个材料包：已接收 {1} 个，被拒绝 {2} 个。</source>
        <translation>{0} packages: {1} accepted, {2} refused.</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="191"/>
        <source>被拒绝的材料包没有导入任何内容，请按说明处理后重新导入。</source>
        <translation> Nothing of a refused package was imported; follow its details, then import it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="196"/>
        <source>等待核验</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="196"/>
        <source>已接收</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="196"/>
        <source>被拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../desktop/package_import_dialog.py" line="197"/>
        <source>未导入</source>
        <translation>not imported</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop/users_dialog.py" line="265"/>
        <source>修改密码 — {0}</source>
        <translation>Change password — {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="270"/>
        <source>原密码：</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="271"/>
        <source>新密码：</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="272"/>
        <source>再输一次新密码：</source>
        <translation>Repeat new password:</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="275"/>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="287"/>
        <source>两次输入的新密码不一致，请重新输入。</source>
        <translation>The two new passwords differ; please type them again.</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="290"/>
        <source>正在修改…</source>
        <translation>Changing…</translation>
    </message>
</context>
<context>
    <name>PlacePage</name>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="65"/>
        <source>工作区与本市</source>
        <translation>Workspace and city</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="66"/>
        <source>工作区是一个文件夹，保存本次创建的全部审核记录。请选择一个空文件夹。</source>
        <translation>A workspace is a folder holding every review record of this campaign. Choose an empty folder.</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="68"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="74"/>
        <source>例如：北湖市</source>
        <translation>e.g. 北湖市</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="82"/>
        <source>工作区文件夹：</source>
        <translation>Workspace folder:</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="83"/>
        <source>本市名称：</source>
        <translation>City:</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="84"/>
        <source>创建年度：</source>
        <translation>Campaign year:</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="90"/>
        <source>选择一个空文件夹作为工作区</source>
        <translation>Choose an empty folder for the workspace</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../desktop/preview.py" line="80"/>
        <source>无法打开 PDF 文件 {0}：文件已损坏或不是 PDF。请用系统程序打开检查，必要时重新导出。</source>
        <translation>Cannot open the PDF file {0}: it is damaged or not a PDF. Open it with another program to check it and export it again if needed.</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="84"/>
        <source>{0} 设置了打开密码，无法预览。请提交未加密的版本。</source>
        <translation>{0} is password-protected and cannot be previewed. Please submit an unencrypted version.</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="87"/>
        <source>{0} 没有任何页面。请检查该文件是否导出完整。</source>
        <translation>{0} has no pages. Check that the file was exported completely.</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="118"/>
        <source>无法读取 Word 文件 {0}：文件已损坏或不是 DOCX。请用 Word 或 WPS 打开另存为 DOCX 后重新扫描。</source>
        <translation>Cannot read the Word file {0}: it is damaged or not a DOCX. Open it in Word or WPS, save it as DOCX and scan again.</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="169"/>
        <source>无法读取图片 {0}：文件已损坏或格式不对。请重新导出该图片后再扫描。</source>
        <translation>Cannot read the image {0}: it is damaged or in the wrong format. Export the image again and scan again.</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="171"/>
        <source>尺寸</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="172"/>
        <source>{0} × {1} 像素</source>
        <translation>{0} × {1} pixels</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="174"/>
        <source>分辨率</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="177"/>
        <source>拍摄时间</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="178"/>
        <source>无（照片没有记录拍摄时间）</source>
        <translation>None (the photo has no date taken)</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="181"/>
        <source>相机</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="184"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="187"/>
        <source>无法显示图片 {0}。请用系统程序打开检查该文件。</source>
        <translation>Cannot show the image {0}. Open it with another program to check it.</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="236"/>
        <location filename="../../desktop/preview.py" line="318"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="237"/>
        <source>上一页 (PgUp)</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="238"/>
        <source>下一页 (PgDown)</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="244"/>
        <source>缩小 (Ctrl+-)</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="246"/>
        <source>放大 (Ctrl++)</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="247"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="247"/>
        <source>按窗格宽度显示</source>
        <translation>Fit the page to the pane</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="248"/>
        <source>用系统程序打开</source>
        <translation>Open externally</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="248"/>
        <source>用本机默认程序打开此文件</source>
        <translation>Open this file in its default application</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="263"/>
        <location filename="../../desktop/preview.py" line="319"/>
        <source>在中间选择一份材料，或在搜索结果中点一条，即可在此预览。</source>
        <translation>Choose a file in the middle or a search result to preview it here.</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="369"/>
        <source>找不到文件 {0}。它可能已被移动或删除；请重新扫描本组材料。</source>
        <translation>File {0} is missing. It may have been moved or deleted; re-scan the group&apos;s materials.</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="393"/>
        <source>{0} 格式的文件暂不能在此预览，请点“用系统程序打开”查看。</source>
        <translation>{0} files cannot be previewed here; use “Open externally”.</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="394"/>
        <source>无扩展名</source>
        <translation>no extension</translation>
    </message>
</context>
<context>
    <name>ReadinessChart</name>
    <message>
        <location filename="../../desktop/dashboard.py" line="52"/>
        <source>各组准备情况（百分比为合格及豁免条目占比）</source>
        <translation>Readiness by group (percentage of standards OK or waived)</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="67"/>
        <source>还没有工作组。请在“管理 › 工作组与分工”中新建工作组。</source>
        <translation>No groups yet. Create groups in Manage › Groups and assignments.</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="68"/>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="38"/>
        <location filename="../../desktop/reports_dialog.py" line="107"/>
        <source>生成报表</source>
        <translation>Write reports</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="40"/>
        <source>报表只含本组（{0}）的材料。</source>
        <translation>The reports cover only your group ({0}).</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="42"/>
        <source>报表按各组已签字的材料汇总（导入的材料包以签字清单为准）。</source>
        <translation>The reports collate every group&apos;s signed materials (imported packages as their signed lists say).</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="43"/>
        <source>生成 Word 文档（.docx），可用 Word 或 WPS 打开、打印。</source>
        <translation>Writes Word documents (.docx) to open and print in Word or WPS. </translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="47"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="50"/>
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="56"/>
        <source>生成后用 Word 或 WPS 打开</source>
        <translation>Open them in Word or WPS when written</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="62"/>
        <source>生成</source>
        <translation>Write</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="76"/>
        <source>选择保存报表的文件夹</source>
        <translation>Choose the folder for the reports</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="87"/>
        <source>请选择保存位置，并至少勾选一种报表。</source>
        <translation>Choose where to save and tick at least one report.</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="91"/>
        <source>覆盖报表</source>
        <translation>Overwrite reports</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="91"/>
        <source>以下文件已存在，要覆盖吗？（如果它们正在 Word 或 WPS 中打开，请先关闭）
{0}</source>
        <translation>These files already exist. Overwrite them? (Close them first if they are open in Word or WPS.)
{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="112"/>
        <source>正在生成…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <location filename="../../desktop/reports_dialog.py" line="118"/>
        <source>已生成 {0} 份报表：
{1}</source>
        <translation>Wrote {0} reports:
{1}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop/search_panel.py" line="49"/>
        <source>全部材料</source>
        <translation>All materials</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="49"/>
        <source>本组</source>
        <translation>This group</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="50"/>
        <source>当前条目</source>
        <translation>Current item</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="121"/>
        <source>搜索材料全文（Ctrl+F），例如：背街小巷</source>
        <translation>Search all materials (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="147"/>
        <source>全文搜索尚未就绪：请先扫描材料，建立索引后即可搜索。</source>
        <translation>Search is not ready: scan the materials first.</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="157"/>
        <source>正在搜索“{0}”…</source>
        <translation>Searching “{0}”…</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="173"/>
        <source>“{0}”：{1} 份材料，{2} 处。点击结果在右侧预览。</source>
        <translation>“{0}”: {1} files, {2} places. Click a result to preview it.</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="174"/>
        <source>没有找到包含“{0}”的材料。请换个说法，或检查范围是否太小。</source>
        <translation>Nothing contains “{0}”. Try other words or a wider scope.</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="184"/>
        <source>第 {0} 页</source>
        <translation>page {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="185"/>
        <source>{0}：</source>
        <translation>{0}: </translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="292"/>
        <source>新建工作区</source>
        <translation>New workspace</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="298"/>
        <source>新建</source>
        <translation>Create</translation>
    </message>
</context>
<context>
    <name>SheetView</name>
    <message>
        <location filename="../../desktop/sheet_view.py" line="54"/>
        <source>表格中没有任何内容。</source>
        <translation>The spreadsheet is empty.</translation>
    </message>
    <message>
        <location filename="../../desktop/sheet_view.py" line="56"/>
        <source>无法预览表格 {0}：{1}</source>
        <translation>Cannot preview the spreadsheet {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/sheet_view.py" line="59"/>
        <source>工作表{0}</source>
        <translation>sheet {0}</translation>
    </message>
</context>
<context>
    <name>SignoffChangesDialog</name>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="183"/>
        <source>签字状态 — {0}</source>
        <translation>Sign-off status — {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="189"/>
        <source>以下变化使签字失效。请组长重新审核这些条目后再次签字。</source>
        <translation>These changes invalidated the sign-off. The group leader should review these standards again and sign again.</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="193"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="193"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="193"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>SignoffDialog</name>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="51"/>
        <source>请先打开一个工作组</source>
        <translation>Open a group first</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="67"/>
        <source>签字确认 — {0}（{1}）</source>
        <translation>Sign off — {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="72"/>
        <source>签字将记录本组 {0} 个条目全部材料的指纹（SHA-256）。其中 {1} 个已审核通过；其余 {2} 个请逐条写明作为例外的原因，文明办会看到。签字后任何文件变化都会使签字失效。</source>
        <translation>Signing records the fingerprints (SHA-256) of all materials of the group&apos;s {0} standards. {1} are approved; for each of the other {2}, write why it is an exception — the office will see it. Any change to a file after signing invalidates the sign-off.</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="77"/>
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="77"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="77"/>
        <source>例外原因（未通过的条目必填）</source>
        <translation>Reason for exception (required for standards not approved)</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="102"/>
        <source>须先处理：{0}</source>
        <translation>Resolve first: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="107"/>
        <source>签字同时确认以下事项（文明办可见）：</source>
        <translation>Signing also confirms the following (visible to the office):</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="108"/>
        <source>有 {0} 个必须修改的问题尚未修改或豁免，不能签字。请修改材料后重新扫描，或在问题列表中写明理由予以豁免：</source>
        <translation>{0} must-fix problems are neither fixed nor waived, so the group cannot be signed. Fix the materials and scan again, or waive a problem with a reason in the findings list:</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="114"/>
        <source>组长“{0}”的密码：</source>
        <translation>Password of group leader “{0}”:</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="119"/>
        <source>签字</source>
        <translation>Sign-off</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="146"/>
        <source>请为未通过的条目写明例外原因：{0}。</source>
        <translation>Please give a reason for each standard not approved: {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="150"/>
        <source>正在签字…</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="171"/>
        <source>签字：未签字</source>
        <translation>Sign-off: not signed</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="172"/>
        <source>，{0} 处变化</source>
        <translation>, {0} changes</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="174"/>
        <source>签字：{0}（第 {1} 版，{2}{3}）</source>
        <translation>Sign-off: {0} (version {1}, {2}{3})</translation>
    </message>
</context>
<context>
    <name>StandardView</name>
    <message>
        <location filename="../../desktop/standard_view.py" line="56"/>
        <source>材料种类：{0}</source>
        <translation>Kinds of material: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="57"/>
        <source>{0} 至少 {1} 份</source>
        <translation>{0}: at least {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="60"/>
        <source>文件格式：{0}</source>
        <translation>File formats: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="63"/>
        <source>时间范围：{0}</source>
        <translation>Period: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="65"/>
        <source>应包含：{0}</source>
        <translation>Must mention: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="67"/>
        <source>图片须配说明（时间、地点、人物、事由）</source>
        <translation>Photos need captions (time, place, people, occasion)</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="87"/>
        <source>材料</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="87"/>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="87"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="93"/>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="93"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="93"/>
        <source>编号</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="93"/>
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="102"/>
        <source>豁免所选问题…</source>
        <translation>Waive selected problem…</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="103"/>
        <source>组长确认该问题不影响得分时，写明理由后豁免</source>
        <translation>When the group leader confirms the problem does not affect the score, waive it with a reason</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="108"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="108"/>
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="108"/>
        <source>结论</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="108"/>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="196"/>
        <source>&lt;p&gt;在左侧选择一个测评标准，这里会显示它的要求、已归类的材料、发现的问题和审核记录。&lt;/p&gt;</source>
        <translation>&lt;p&gt;Select a standard on the left to see its requirements, mapped materials, problems found and review history here.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="199"/>
        <source>已归类材料</source>
        <translation>Mapped materials</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="200"/>
        <source>发现的问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="201"/>
        <source>审核记录</source>
        <translation>Review history</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="220"/>
        <source>审核后有变化</source>
        <translation>Changed since review</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="241"/>
        <source>已归类材料：无。请扫描本组材料文件夹，或把文件拖到左侧条目上归类。</source>
        <translation>Mapped materials: none. Scan the group&apos;s materials folder, or drag files onto a standard on the left.</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="243"/>
        <source>已归类材料（{0} 份）</source>
        <translation>Mapped materials ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="247"/>
        <source>{0}（文件已缺失）</source>
        <translation>{0} (file missing)</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="258"/>
        <source>发现的问题：未发现问题。</source>
        <translation>Problems found: none.</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="262"/>
        <source>发现的问题（{0} 条，其中必须修改 {1} 条，已豁免 {2} 条）</source>
        <translation>Findings ({0}; must fix {1}, waived {2})</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="264"/>
        <source>按 F8 逐条查看</source>
        <translation>Press F8 to step through them</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="267"/>
        <source>{0}（已豁免：{1}）</source>
        <translation>{0} (waived: {1})</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="283"/>
        <source>问题编号（命令行 waive 使用）：{0}</source>
        <translation>Finding id (for the command line&apos;s waive): {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="291"/>
        <source>审核记录：尚未审核。组长可按 Ctrl+Enter 通过，Ctrl+R 退回。</source>
        <translation>Review history: not reviewed yet. The group leader approves with Ctrl+Enter and returns with Ctrl+R.</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="293"/>
        <source>审核记录（{0} 次）</source>
        <translation>Review history ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="299"/>
        <source>通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../desktop/standard_view.py" line="299"/>
        <source>退回</source>
        <translation>Returned</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../../desktop/start_dialog.py" line="61"/>
        <source>组长 &lt;b&gt;{0}&lt;/b&gt;（{1}）</source>
        <translation>leader &lt;b&gt;{0}&lt;/b&gt; ({1})</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="62"/>
        <source>文明办 &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>office &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="63"/>
        <source>示例工作区可以用两种身份试用：{0}。密码都是 &lt;b&gt;{1}&lt;/b&gt;。</source>
        <translation>Try the demo workspace in two roles: {0}. The password of both is &lt;b&gt;{1}&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="64"/>
        <source>，或 </source>
        <translation> or </translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="108"/>
        <source>申报材料审核台 — 打开工作区</source>
        <translation>Materials Review — Open a workspace</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="111"/>
        <source>&lt;b&gt;欢迎使用申报材料审核台。&lt;/b&gt;第一次使用？可以先打开示例工作区，看看一个工作组的材料如何检查、审核和签字。</source>
        <translation>&lt;b&gt;Welcome.&lt;/b&gt; First time here? Open the demo workspace to see how a group&apos;s materials are checked, reviewed and signed.</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="119"/>
        <source>{0}（找不到）</source>
        <translation>{0} (not found)</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="126"/>
        <source>打开所选</source>
        <translation>Open selected</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="130"/>
        <source>打开文件夹…</source>
        <translation>Open folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="132"/>
        <source>新建工作区…</source>
        <translation>New workspace…</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="134"/>
        <source>打开示例工作区</source>
        <translation>Open demo workspace</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="149"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="154"/>
        <source>最近打开的工作区：</source>
        <translation>Recent workspaces:</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="154"/>
        <source>还没有打开过工作区。</source>
        <translation>No workspace opened yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="165"/>
        <source>正在打开 {0}…</source>
        <translation>Opening {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="168"/>
        <source>正在新建工作区 {0}…</source>
        <translation>Creating workspace {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="171"/>
        <source>正在准备示例工作区（第一次约需十几秒）…</source>
        <translation>Preparing the demo workspace (ten seconds or so the first time)…</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="179"/>
        <source>选择工作区文件夹</source>
        <translation>Choose the workspace folder</translation>
    </message>
</context>
<context>
    <name>SubmissionDialog</name>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="48"/>
        <location filename="../../desktop/submission_dialog.py" line="169"/>
        <source>导出最终申报材料</source>
        <translation>Export the final submission</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="51"/>
        <source>保存到哪个文件夹，例如 U 盘或桌面</source>
        <translation>The folder to save into, e.g. a USB stick or the desktop</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="52"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="57"/>
        <source>最终申报材料</source>
        <translation>Final submission</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="58"/>
        <source>同时生成 ZIP 压缩包（便于上传或拷贝）</source>
        <translation>Also make a ZIP archive (for upload or copying)</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="59"/>
        <source>先导出其余工作组：不纳入未签字或签字已失效的工作组（清单中注明）</source>
        <translation>Export the other groups now: leave out groups not signed or with a stale signature (noted in the list)</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="62"/>
        <source>保存位置：</source>
        <translation>Save in:</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="63"/>
        <source>文件夹名称：</source>
        <translation>Folder name:</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="66"/>
        <location filename="../../desktop/submission_dialog.py" line="95"/>
        <source>正在按平台规则检查…</source>
        <translation>Checking the platform&apos;s rules…</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="72"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="75"/>
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="77"/>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="105"/>
        <source>有 {0} 个问题使最终申报材料不能导出，请先处理：</source>
        <translation>{0} problems stop the export of the final submission. Deal with them first:</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="110"/>
        <source>检查通过：将导出 {0} 个工作组的 {1} 个文件，共 {2}，并附材料清单、审核签字表和问题清单。</source>
        <translation>Check passed: {1} files of {0} groups ({2}) will be exported, with the material list, the sign-off sheet and the issue list.</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="114"/>
        <source>不纳入：工作组 {0} {1}（{2}）</source>
        <translation>Left out: group {0} {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="117"/>
        <source>无材料的测评标准 {0} 条：{1}</source>
        <translation>{0} standards without material: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="120"/>
        <source>由两个及以上工作组提供材料的测评标准：{0}</source>
        <translation>Standards with material from two or more groups: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="126"/>
        <source>无法检查：</source>
        <translation>Cannot check:</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="143"/>
        <source>选择保存最终申报材料的位置</source>
        <translation>Choose where to save the final submission</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="154"/>
        <source>请先选择保存位置</source>
        <translation>Choose where to save first</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="174"/>
        <source>正在导出到 {0}…</source>
        <translation>Exporting to {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="184"/>
        <source>未能读取（清单中缺页数和日期）：{0} {1}：{2}</source>
        <translation>Could not be read (no pages and date in the list): {0} {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/submission_dialog.py" line="193"/>
        <source>已取消导出，没有留下任何文件。</source>
        <translation>Export cancelled; nothing was left behind.</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../../desktop/unmapped_list.py" line="116"/>
        <source>正在为“{0}”查找可归入的测评标准…</source>
        <translation>Looking for standards that “{0}” could belong to…</translation>
    </message>
    <message>
        <location filename="../../desktop/unmapped_list.py" line="118"/>
        <source>“{0}”的文字与本组测评标准都不够匹配，请把它拖到左侧“测评条目”中人工归类。</source>
        <translation>The text of “{0}” matches none of the group&apos;s standards well enough. Drag it onto a standard on the left to map it by hand.</translation>
    </message>
    <message>
        <location filename="../../desktop/unmapped_list.py" line="121"/>
        <source>“{0}”建议归到（点“采纳”才会归类）：</source>
        <translation>Suggested standards for “{0}” (nothing is mapped until you click Accept):</translation>
    </message>
    <message>
        <location filename="../../desktop/unmapped_list.py" line="123"/>
        <source>理由：文件中出现了“{0}”</source>
        <translation>Reason: the file mentions “{0}”</translation>
    </message>
    <message>
        <location filename="../../desktop/unmapped_list.py" line="128"/>
        <source>采纳</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../desktop/unmapped_list.py" line="129"/>
        <source>把这个文件归到 {0}</source>
        <translation>Map this file to {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/unmapped_list.py" line="142"/>
        <source>正在归类到 {0}…</source>
        <translation>Mapping to {0}…</translation>
    </message>
</context>
<context>
    <name>UnmappedList</name>
    <message>
        <location filename="../../desktop/unmapped_list.py" line="191"/>
        <source>未归类的文件（{0} 个）：拖到左侧“测评条目”中的某一条，或选中文件后采纳建议。</source>
        <translation>Unmapped files ({0}): drag one onto a standard on the left, or select a file and accept a suggestion.</translation>
    </message>
    <message>
        <location filename="../../desktop/unmapped_list.py" line="192"/>
        <source>本组没有未归类的文件。</source>
        <translation>This group has no unmapped files.</translation>
    </message>
    <message>
        <location filename="../../desktop/unmapped_list.py" line="236"/>
        <source>正在查找建议…</source>
        <translation>Looking for suggestions…</translation>
    </message>
    <message>
        <location filename="../../desktop/unmapped_list.py" line="238"/>
        <source>没有建议：请拖到左侧条目中人工归类</source>
        <translation>No suggestion: drag it onto a standard on the left</translation>
    </message>
    <message>
        <location filename="../../desktop/unmapped_list.py" line="240"/>
        <source>采纳建议：归到 {0} {1}</source>
        <translation>Accept suggestion: map to {0} {1}</translation>
    </message>
</context>
<context>
    <name>UnmappedModel</name>
    <message>
        <location filename="../../desktop/unmapped_list.py" line="60"/>
        <source>{0}&#x3000;→ 建议 {1}</source>
        <translation>{0} → suggested {1}</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../desktop/users_dialog.py" line="180"/>
        <source>账户</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="183"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="183"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="183"/>
        <source>工作组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="189"/>
        <source>新建账户…</source>
        <translation>New account…</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="193"/>
        <source>修改角色和工作组…</source>
        <translation>Change role and group…</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="194"/>
        <source>选中一个账户后修改它的角色或所属工作组（也可双击该行）</source>
        <translation>Change the selected account&apos;s role or group (or double-click its row)</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="200"/>
        <source>只有文明办账户可以新建账户。{0}“{1}”可以在这里查看账户，并在“管理 › 修改密码”中修改自己的密码。</source>
        <translation>Only an office account can create accounts. {0} &quot;{1}&quot; can see the accounts here and change their own password in Manage › Change password.</translation>
    </message>
    <message>
        <location filename="../../desktop/users_dialog.py" line="230"/>
        <source>工作区还没有账户，任何人打开都以“本机用户”身份工作。先新建一个文明办账户，再为各组新建组长和材料员账户。</source>
        <translation>The workspace has no accounts: whoever opens it works as the local user. Create an office account first, then the leaders and clerks of each group.</translation>
    </message>
</context>
<context>
    <name>WindowPage</name>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="109"/>
        <source>测评时间与材料时间范围</source>
        <translation>Evaluation date and materials date window</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="110"/>
        <source>材料的落款日期须在时间范围之内，超出的会被检查出来。</source>
        <translation>Materials must be dated inside the window; the checks find those outside it.</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="112"/>
        <source>按测评开始日期推算</source>
        <translation>From the evaluation start</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="114"/>
        <source>固定日期</source>
        <translation>Fixed dates</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="121"/>
        <location filename="../../desktop/setup_wizard.py" line="125"/>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="127"/>
        <source>测评开始前</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="127"/>
        <source>起上溯</source>
        <translation>before the start, back</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="133"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="139"/>
        <source>测评开始日期：</source>
        <translation>Evaluation starts:</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_wizard.py" line="142"/>
        <source>材料时间范围：</source>
        <translation>Date window:</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <location filename="../../desktop/human_dates.py" line="39"/>
        <source>{0}年{1}月{2}日</source>
        <translation>{1}/{2}/{0}</translation>
    </message>
</context>
<context>
    <name>demo_finish</name>
    <message>
        <location filename="../../desktop/demo_finish.py" line="61"/>
        <source>示例工作区的文字识别和检查已完成。{0}</source>
        <translation>The demo workspace&apos;s OCR and checks are done. {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/demo_finish.py" line="65"/>
        <source>示例工作区：文字识别和检查</source>
        <translation>Demo workspace: OCR and checks</translation>
    </message>
</context>
<context>
    <name>desk_data</name>
    <message>
        <location filename="../../desktop/desk_data.py" line="101"/>
        <source>已退回：{0}</source>
        <translation>Returned: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/desk_data.py" line="103"/>
        <source>审核后有变化：{0}</source>
        <translation>Changed since review: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/desk_data.py" line="105"/>
        <source>未处理的问题 {0} 条（必须修改 {1} 条）</source>
        <translation>{0} open problems ({1} must be fixed)</translation>
    </message>
    <message>
        <location filename="../../desktop/desk_data.py" line="147"/>
        <source>当前操作手册中没有条目 {0}。手册可能已更新，请重新打开本组。</source>
        <translation>The current manual has no standard {0}. The manual may have been updated; please open the group again.</translation>
    </message>
    <message>
        <location filename="../../desktop/desk_data.py" line="201"/>
        <source>第 {0} 版（{1:%m-%d %H:%M} 导入）</source>
        <translation>version {0} (imported {1:%m-%d %H:%M})</translation>
    </message>
    <message>
        <location filename="../../desktop/desk_data.py" line="207"/>
        <source>未导入</source>
        <translation>not imported</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop/errors.py" line="35"/>
        <source>（未知文件）</source>
        <translation>(unknown file)</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="37"/>
        <source>找不到文件 {0}。请确认它没有被移动或删除，然后重试。</source>
        <translation>File {0} not found. Make sure it has not been moved or deleted, then try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="39"/>
        <source>没有权限访问 {0}。请关闭正在使用它的程序，或检查文件夹的访问权限后重试。</source>
        <translation>No permission to access {0}. Close the program using it or check the folder&apos;s permissions, then try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="41"/>
        <source>磁盘空间不足，无法写入 {0}。请清理磁盘空间后重试。</source>
        <translation>Not enough disk space to write {0}. Free some disk space and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="43"/>
        <source>{0} 所在的磁盘是只读的。请换一个可写的位置后重试。</source>
        <translation>The disk holding {0} is read-only. Choose a writable location and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="45"/>
        <source>读写 {0} 时出错：{1}。请检查该文件和所在磁盘后重试。</source>
        <translation>Error reading or writing {0}: {1}. Check the file and its disk, then try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="55"/>
        <source>内存不足，操作未完成。请关闭其他程序后重试。</source>
        <translation>Out of memory; the operation did not finish. Close other programs and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="57"/>
        <source>程序遇到意外错误（{0}），操作未完成，已完成的部分已保存。详细信息已记入日志文件 {1}，请重试；如果反复出现，请把该日志文件发给技术支持。</source>
        <translation>Unexpected error ({0}); the operation did not finish, and what was done is saved. Details are in the log file {1}. Please try again; if it keeps happening, send the log file to technical support.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="63"/>
        <source>出错了</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>restore</name>
    <message>
        <location filename="../../desktop/restore_dialog.py" line="21"/>
        <source>工作区数据库无法使用</source>
        <translation>The workspace database cannot be used</translation>
    </message>
    <message>
        <location filename="../../desktop/restore_dialog.py" line="22"/>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/restore_dialog.py" line="23"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/restore_dialog.py" line="23"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/restore_dialog.py" line="28"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../desktop/restore_dialog.py" line="28"/>
        <source>选择要恢复的备份（最上面是最近的一份）：</source>
        <translation>Choose the backup to restore (the newest is at the top):</translation>
    </message>
    <message>
        <location filename="../../desktop/restore_dialog.py" line="38"/>
        <source>已用备份 {0} 恢复数据库。</source>
        <translation>The database was restored from backup {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/restore_dialog.py" line="40"/>
        <source>原数据库保留为 {0}。</source>
        <translation>The replaced database was kept as {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/restore_dialog.py" line="41"/>
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../desktop/restore_dialog.py" line="41"/>
        <source>备份之后所做的操作需要重新做；文件本身不受影响，重新扫描即可找回。</source>
        <translation>Work done after the backup must be done again; the files themselves are untouched and a new scan finds them.</translation>
    </message>
</context>
</TS>
