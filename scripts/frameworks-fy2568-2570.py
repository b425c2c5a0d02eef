#!/usr/bin/env python3
"""Writes sample-data/frameworks/fy2568.yaml, fy2569.yaml and fy2570.yaml (provisional) from the item tables
of ../shared/ita-fy2568-2570.md §1.1–1.3, each item with its evidence period and, in a comment, its
confidence. The tools and survey indicators are kept from the existing fy2568.yaml."""
import os
FRAMEWORKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'sample-data', 'frameworks')
HEAD_TOOLS = open(os.path.join(FRAMEWORKS, 'fy2568.yaml')).read()
start = HEAD_TOOLS.index('tools:')
end = HEAD_TOOLS.index('  - number: 9')
TOOLS_AND_SURVEY_INDICATORS = HEAD_TOOLS[start:end]
GRADING = '''grading:
  scheme: verbal
  pass_mark: 85
  grades:
    - {grade: ผ่านดีเยี่ยม, min_total: 95, min_each_tool: 95}
    - {grade: ผ่านดี, min_total: 85, min_each_tool: 85}
    - {grade: ผ่าน, min_total: 85}
    - {grade: ต้องปรับปรุง, min_total: 70}
    - {grade: ต้องปรับปรุงโดยด่วน, min_total: 0}
'''
def q(s): return '"' + s.replace('\\','\\\\').replace('"','\\"') + '"'
def items_yaml(items):
    out=[]
    for code,th,en,period,conf,*rest in items:
        comps = f", components: [{', '.join(q(c) for c in rest[0])}]" if rest else ""
        out.append(f"          - {{code: {code}, title_th: {q(th)}, title_en: {q(en)}, evidence_period: {period}{comps}}}  # {conf}")
    return '\n'.join(out)
def build(fid, fy, title, header, notes, subs9, subs10, provisional=False, scheme=None):
    lines=[header.rstrip(), f"id: {fid}", f"fiscal_year: {fy}", f"title: {q(title)}"]
    if provisional: lines.append("provisional: true")
    lines.append("notes:")
    for n in notes: lines.append(f"  - {q(n)}")
    lines.append(TOOLS_AND_SURVEY_INDICATORS.rstrip())
    for number, name_th, name_en, subs in [(9,"การเปิดเผยข้อมูล","Information disclosure",subs9),(10,"การป้องกันการทุจริต","Corruption prevention",subs10)]:
        lines += [f"  - number: {number}", f"    name_th: {name_th}", f"    name_en: {name_en}", "    tool: OIT", "    sub_indicators:"]
        for code,name,items in subs:
            lines += [f"      - code: \"{code}\"", f"        name_th: {name}", "        items:", items_yaml(items)]
    lines.append("")
    lines.append("# Verbal grades (FY2567 on). ผ่านดี: total ≥ 85 and every tool ≥ 85 (HIGH); ผ่านดีเยี่ยม's per-tool 95 is LOW.")
    lines.append(GRADING)
    return '\n'.join(lines)

fy2568_9 = [
 ("9.1","ข้อมูลพื้นฐาน",[
  ("O1","โครงสร้างและอำนาจหน้าที่","Structure and mandate","current","HIGH"),
  ("O2","ข้อมูลผู้บริหาร","Executives","current","MED"),
  ("O3","ข้อมูลการติดต่อ","Contact information","current","MED"),
  ("O4","ข่าวประชาสัมพันธ์","News and announcements","current_fy","MED")]),
 ("9.2","การบริหารงานและการใช้จ่ายงบประมาณ",[
  ("O5","แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน","Strategic or development plan","multi_year","LOW"),
  ("O6","แผนปฏิบัติการและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี","Annual action plan and progress","current_fy","LOW"),
  ("O7","รายงานผลการดำเนินงานและการใช้งบประมาณประจำปี","Annual performance and budget report","previous_fy","LOW"),
  ("O8","คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่","Staff operating manual","current","MED"),
  ("O9","คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ","Service manual for the public","current","MED"),
  ("O10","E-Service","E-Service","current","MED"),
  ("O11","ข้อมูลสถิติการให้บริการ","Service statistics","current_fy","MED")]),
 ("9.3","การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",[
  ("O12","รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ","Procurement list and progress (monthly)","current_fy","HIGH"),
  ("O13","รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี","Annual procurement report","previous_fy","HIGH")]),
 ("9.4","การบริหารและพัฒนาทรัพยากรบุคคล",[
  ("O14","แผนการบริหารและพัฒนาทรัพยากรบุคคลประจำปี","Annual HR management and development plan","current_fy","HIGH"),
  ("O15","รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี","Annual HR report","previous_fy","MED"),
  ("O16","ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม","Code of ethics and its promotion","current_fy","HIGH")]),
 ("9.5","การส่งเสริมความโปร่งใส",[
  ("O17","แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ","Complaint-handling guideline","current","HIGH"),
  ("O18","ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ","Complaint channels","current","HIGH"),
  ("O19","ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบประจำปี","Annual complaint statistics","previous_fy","MED"),
  ("O20","การเปิดโอกาสให้เกิดการมีส่วนร่วม","Public participation","current_fy","MED")]),
]
fy2568_10 = [
 ("10.1","การดำเนินการเพื่อป้องกันการทุจริตในประเด็นสินบน",[
  ("O21","ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่","No Gift declaration and culture","current_fy","HIGH"),
  ("O22","รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา","Report of gifts received under the legal allowance","current_fy","MED"),
  ("O23","การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบนจากการดำเนินงานตามภารกิจของหน่วยงานประจำปี","Annual bribery-risk assessment","current_fy","HIGH"),
  ("O24","รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี","Annual risk-management report","previous_fy","MED")]),
 ("10.2","การส่งเสริมคุณธรรมและความโปร่งใส",[
  ("O25","แผนปฏิบัติการป้องกันการทุจริต","Anti-corruption action plan","current_fy","MED"),
  ("O26","รายงานผลการดำเนินการป้องกันการทุจริตประจำปี","Annual anti-corruption report","previous_fy","MED")]),
]
fy2569_9 = [
 ("9.1","ข้อมูลพื้นฐาน",[
  ("O1","โครงสร้าง หน้าที่และอำนาจ","Structure, duties and powers","current","MED"),
  ("O2","ข้อมูลผู้บริหาร","Executives","current","LOW; components from OVEC's FY2569 guideline, MED",
   ["ชื่อ-นามสกุลของผู้บริหาร","ตำแหน่ง","รูปถ่าย","ช่องทางการติดต่อผู้บริหารโดยตรงอย่างน้อย 1 ช่องทาง"]),
  ("O3","ข้อมูลการติดต่อและช่องทางการสอบถาม","Contact and Q&A channel","current","MED"),
  ("O4","ข่าวประชาสัมพันธ์","News and announcements","current_fy","MED")]),
 ("9.2","การบริหารงานและการใช้จ่ายงบประมาณ",[
  ("O5","แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน","Strategic or development plan","multi_year","MED"),
  ("O6","แผนปฏิบัติการและความก้าวหน้าในการดำเนินงานประจำปี [ตรวจสอบ]","Annual action plan and progress [check]","current_fy","LOW"),
  ("O7","รายงานผลการดำเนินงานประจำปี [ตรวจสอบ]","Annual performance report [check]","previous_fy","LOW"),
  ("O8","คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่","Staff operating manual","current","MED"),
  ("O9","คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ","Service manual for the public","current","MED"),
  ("O10","ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)","Online services (E-Service) and their statistics","current","MED")]),
 ("9.3","การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",[
  ("O11","สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน","Monthly procurement summary","first_half","MED"),
  ("O12","รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุของหน่วยงาน","Annual procurement report","previous_fy","MED")]),
 ("9.4","การบริหารและพัฒนาทรัพยากรบุคคล",[
  ("O13","หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล","HR criteria and plan","current_fy","MED"),
  ("O14","รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล","Annual HR report","previous_fy","MED"),
  ("O15","ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม","Code of ethics and its promotion","current_fy","MED")]),
 ("9.5","การส่งเสริมความโปร่งใส",[
  ("O16","แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ","Complaint-handling guideline","current","MED"),
  ("O17","ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ","Complaint channels","current","MED"),
  ("O18","ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ","Complaint statistics (period to check: previous FY or first half)","previous_fy","MED; components from OVEC's FY2569 guideline, MED",
   ["จำนวนเรื่องร้องเรียน","เรื่องที่ดำเนินการแล้วเสร็จ","เรื่องที่อยู่ระหว่างดำเนินการ","กรณีไม่มีเรื่องร้องเรียน ให้เผยแพร่ว่าไม่มีเรื่องร้องเรียน"]),
  ("O19","ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน","Results of public participation","current_fy","MED")]),
]
fy2569_10 = [
 ("10.1","การดำเนินการเพื่อป้องกันการทุจริต",[
  ("O20","การขับเคลื่อนนโยบาย No Gift Policy จากการปฏิบัติหน้าที่และการเสริมสร้างความรู้เกี่ยวกับหลักเกณฑ์การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา","No Gift Policy and the rules on gifts","current_fy","MED"),
  ("O21","การประเมินความเสี่ยงการทุจริตในหน่วยงานภาครัฐ","Corruption-risk assessment","current_fy","MED"),
  ("O22","รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริตของหน่วยงาน","Risk-management report","previous_fy","MED")]),
 ("10.2","การส่งเสริมคุณธรรมและความโปร่งใส",[
  ("O23","แผนปฏิบัติการป้องกันการทุจริต","Anti-corruption action plan","current_fy","MED"),
  ("O24","รายงานผลการดำเนินการป้องกันการทุจริต","Anti-corruption report","previous_fy","MED"),
  ("O25","การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร","Using last year's ITA result to improve the organisation","current_fy","MED"),
  ("O26","รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน","Report on promoting integrity and transparency inside the agency","previous_fy","MED")]),
]
H68 = '''# NACC generic ITA framework, FY2568 (reconstructed), from ../shared/ita-fy2568-2570.md §1.1.
#
# CHECK AGAINST THE OFFICIAL NACC MANUAL (คู่มือการประเมิน ITA ปี 2568) BEFORE USING FOR REAL WORK:
#   - the 26 O-items are one agency's published headings (RTRDA, MED), corroborated in part by OBEC, LAO and
#     OVEC sources; each item's line ends with its confidence (HIGH / MED / LOW);
#   - the grouping into sub-indicators 9.1–10.2 is inferred from OBEC's group names (LOW);
#   - evidence periods are as agencies published them (check each against the manual);
#   - the per-tool 95 condition of ผ่านดีเยี่ยม (seen only in public scoring code, LOW).
# Weights 30/30/40 (no change found) and ผ่านดี = total ≥ 85 with every tool ≥ 85 (HIGH).'''
H69 = H68.replace('FY2568 (reconstructed)','FY2569 (reconstructed)').replace('§1.1','§1.2').replace('ปี 2568','ปี 2569') + '''
# FY2569 renumbered the items again (O11 is now the monthly procurement summary) and added O25
# (การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร) and O26. O6 and O7 were not captured [ตรวจสอบ].'''
H70 = '''# PROVISIONAL framework for FY2570: a copy of the reconstructed FY2569 list (fy2569.yaml).
# No FY2570 manual, item list or calendar had been published when this was written (Dec 2026, BE 2569);
# NACC was reviewing the whole ITA. Replace this file when the FY2570 manual is out: `ita framework diff`
# shows what changed. `provisional: true` makes ita status and the dashboard say so.'''
open(os.path.join(FRAMEWORKS, 'fy2568.yaml'),'w').write(build('fy2568',2568,'เกณฑ์การประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2568 (สร้างจากข้อมูลที่เผยแพร่ ต้องตรวจสอบกับคู่มือ)',H68,
  ["Reconstructed from agencies' published FY2568 headings (MED); sub-indicator grouping inferred (LOW); check against the NACC manual of the year.",
   "Evidence periods as published by agencies; the ผ่านดีเยี่ยม per-tool 95 rule is LOW."], fy2568_9, fy2568_10))
open(os.path.join(FRAMEWORKS, 'fy2569.yaml'),'w').write(build('fy2569',2569,'เกณฑ์การประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2569 (สร้างจากข้อมูลที่เผยแพร่ ต้องตรวจสอบกับคู่มือ)',H69,
  ["Reconstructed from one agency's FY2569 headings (MED); O6 and O7 not captured (LOW); sub-indicator split plausible only (LOW).",
   "O18's evidence period (previous FY, or the first six months of this one) must be checked in the manual."], fy2569_9, fy2569_10))
open(os.path.join(FRAMEWORKS, 'fy2570.yaml'),'w').write(build('fy2570',2570,'เกณฑ์การประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2570 (ชั่วคราว: สำเนาเกณฑ์ 2569)',H70,
  ["Provisional: a copy of the reconstructed FY2569 list until NACC publishes the FY2570 manual.",
   "Every item, grouping, evidence period and grade rule must be checked against the FY2570 manual."], fy2569_9, fy2569_10, provisional=True))

# The OBEC "ITA Online" school variant (FY2569, O1–O18) and the OVEC vocational-college variant
# (FY2569, O1–O23), from ../shared/ita-fy2568-2570.md §1.5–1.6. Tools, survey indicators and grades
# as NACC's (the variants' own weights and grade rules were not found: LOW).
obec_9 = [
 ("9.1","ข้อมูลพื้นฐาน",[
  ("O1","โครงสร้างและอำนาจหน้าที่","Structure and mandate","current","MED"),
  ("O2","ข้อมูลผู้บริหาร","Executives","current","MED"),
  ("O3","ข้อมูลการติดต่อ","Contact information","current","MED"),
  ("O4","ข่าวประชาสัมพันธ์","News and announcements","current_fy","MED")]),
 ("9.2","การบริหารงานและการใช้จ่ายงบประมาณ",[
  ("O5","แผนกลยุทธ์หรือแผนพัฒนาคุณภาพการศึกษา","Strategic or education-quality plan","multi_year","MED"),
  ("O6","แผนปฏิบัติการและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี","Annual action plan and progress","current_fy","MED"),
  ("O7","คู่มือการปฏิบัติงานของครูและบุคลากร","Manual for teachers and staff","current","MED"),
  ("O8","E-Service","E-Service","current","MED")]),
 ("9.3","การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",[
  ("O9","รายการและความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ [ตรวจสอบ]","Procurement list and progress [check]","current_fy","LOW"),
  ("O10","รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี [ตรวจสอบ]","Annual procurement report [check]","previous_fy","LOW")]),
 ("9.4","การบริหารและพัฒนาทรัพยากรบุคคล",[
  ("O11","แผนการบริหารและพัฒนาทรัพยากรบุคคล","HR plan","current_fy","MED"),
  ("O12","ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม","Code of ethics and its promotion","current_fy","MED")]),
 ("9.5","การส่งเสริมความโปร่งใส",[
  ("O13","แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ [ตรวจสอบ]","Complaint-handling guideline [check]","current","LOW"),
  ("O14","ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ [ตรวจสอบ]","Complaint channels [check]","current","LOW")]),
]
obec_10 = [
 ("10.1","การดำเนินการเพื่อป้องกันการทุจริตในประเด็นสินบน",[
  ("O15","การขับเคลื่อนนโยบาย No Gift Policy","No Gift Policy","current_fy","MED"),
  ("O16","การประเมินความเสี่ยงการทุจริตในประเด็นสินบน","Bribery-risk assessment","current_fy","MED")]),
 ("10.2","การส่งเสริมคุณธรรมและความโปร่งใส",[
  ("O17","แนวทาง โครงการ หรือกิจกรรมการป้องกันการทุจริต","Anti-corruption guidance, projects or activities","current_fy","MED"),
  ("O18","มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในสถานศึกษา","Internal integrity and transparency measures of the school","current_fy","MED")]),
]
U = " [ชื่อข้อยังไม่ยืนยัน]"
ovec_9 = [
 ("9.1","ข้อมูลพื้นฐาน",[
  ("O1","โครงสร้างและอำนาจหน้าที่","Structure and mandate","current","MED"),
  ("O2","ข้อมูลผู้บริหาร","Executives","current","MED",
   ["ชื่อ-นามสกุลของผู้บริหาร","ตำแหน่ง","รูปถ่าย","ช่องทางการติดต่อผู้บริหารโดยตรงอย่างน้อย 1 ช่องทาง"]),
  ("O3","ข้อมูลการติดต่อและช่องทางสื่อสังคมออนไลน์" + U,"Contact and social-media channels [unconfirmed]","current","LOW"),
  ("O4","ข่าวประชาสัมพันธ์" + U,"News [unconfirmed]","current_fy","LOW"),
  ("O5","กฎหมายที่เกี่ยวข้อง","Laws that apply","current","MED",["กฎหมายที่เกี่ยวข้องกับการดำเนินงานอย่างน้อย 5 ฉบับ"])]),
 ("9.2","การบริหารงาน ปฏิสัมพันธ์ข้อมูล และการดำเนินงาน",[
  ("O6","แผนพัฒนาการจัดการศึกษาหรือแผนปฏิบัติการประจำปี" + U,"Development or annual plan [unconfirmed]","current_fy","LOW"),
  ("O7","รายงานผลการดำเนินงานประจำปี" + U,"Annual report [unconfirmed]","previous_fy","LOW"),
  ("O8","รายงานการประเมินตนเองของสถานศึกษา (SAR)","Self-assessment report (SAR)","previous_fy","MED"),
  ("O9","ช่องทางการสอบถามและรับฟังความคิดเห็น (Q&A)" + U,"Q&A channel [unconfirmed]","current","LOW")]),
 ("9.3","การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",[
  ("O10","แผนการจัดซื้อจัดจ้างและประกาศต่าง ๆ" + U,"Procurement plan and announcements [unconfirmed]","current_fy","LOW"),
  ("O11","รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ" + U,"Procurement report [unconfirmed]","current_fy","LOW")]),
 ("9.4","การปฏิบัติหน้าที่",[
  ("O12","คู่มือการปฏิบัติงาน","Operating manuals","current","MED",["คู่มือการปฏิบัติงานอย่างน้อยฝ่ายละ 1 เรื่อง (4 ฝ่าย)"]),
  ("O13","คู่มือการให้บริการ","Service manuals","current","MED",["คู่มือการให้บริการอย่างน้อย 2 เรื่อง"]),
  ("O14","การให้บริการผ่านช่องทางออนไลน์ (E-Service)" + U,"E-Service [unconfirmed]","current","LOW"),
  ("O15","ข้อมูลเชิงสถิติและความพึงพอใจการให้บริการ","Service statistics and satisfaction","previous_fy","MED",
   ["สถิติการให้บริการอย่างน้อย 3 โครงการ","ผลความพึงพอใจของผู้รับบริการ"])]),
 ("9.5","การบริหารและพัฒนาทรัพยากรบุคคล",[
  ("O16","แผนการบริหารและพัฒนาทรัพยากรบุคคล" + U,"HR plan [unconfirmed]","current_fy","LOW"),
  ("O17","ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม","Code of ethics and its promotion","current_fy","MED")]),
]
ovec_10 = [
 ("10.1","การจัดการเรื่องร้องเรียนการทุจริต",[
  ("O18","แนวปฏิบัติและช่องทางแจ้งเรื่องร้องเรียนการทุจริต" + U,"Complaint guideline and channels [unconfirmed]","current","LOW"),
  ("O19","ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริต","Complaint statistics","first_half","MED",
   ["สถิติรายเดือน รายไตรมาส หรือราย 6 เดือน ครอบคลุม 6 เดือนแรกของปีงบประมาณ","กรณีไม่มีเรื่องร้องเรียน ให้เผยแพร่ว่าไม่มีเรื่องร้องเรียน"])]),
 ("10.2","มาตรการภายในเพื่อป้องกันการทุจริต",[
  ("O20","การขับเคลื่อนนโยบาย No Gift Policy" + U,"No Gift Policy [unconfirmed]","current_fy","LOW"),
  ("O21","การประเมินความเสี่ยงการทุจริต" + U,"Corruption-risk assessment [unconfirmed]","current_fy","LOW"),
  ("O22","แผนปฏิบัติการป้องกันการทุจริต" + U,"Anti-corruption action plan [unconfirmed]","current_fy","LOW"),
  ("O23","มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในสถานศึกษา" + U,"Internal integrity measures [unconfirmed]","current_fy","LOW")]),
]
HOBEC = '''# OBEC "ITA Online" framework for schools, FY2569 (reconstructed), from ../shared/ita-fy2568-2570.md §1.6.
#
# CHECK AGAINST OBEC'S ITA ONLINE MANUAL OF THE YEAR BEFORE USING FOR REAL WORK:
#   - O1–O18 in OBEC's seven groups, from one school's published page (MED); titles marked [ตรวจสอบ]
#     were only seen as group topics (LOW);
#   - weights, survey indicators and grades are NACC's (OBEC's own were not found, LOW);
#   - IIT: at least 25 respondents, or all staff if fewer (FY2563 rule).'''
HOVEC = '''# OVEC framework for vocational colleges, FY2569 (reconstructed), from ../shared/ita-fy2568-2570.md §1.5.
#
# CHECK AGAINST OVEC'S MANUAL OF THE YEAR BEFORE USING FOR REAL WORK:
#   - the seven groups and their item ranges are HIGH (two independent colleges);
#   - titles marked [ชื่อข้อยังไม่ยืนยัน] were not captured and are inferred from the group (LOW);
#   - components (องค์ประกอบ) are from one college's published guideline (MED);
#   - weights, survey indicators and grades are NACC's (OVEC's own were not found, LOW);
#   - EIT: 10% of external stakeholders, at least 30 (all if fewer), 400 when over 4,000 (FY2564 manual).'''
open(os.path.join(FRAMEWORKS, 'fy2569-obec.yaml'),'w').write(build('fy2569-obec',2569,'เกณฑ์ ITA Online สำหรับสถานศึกษา สพฐ. ปีงบประมาณ พ.ศ. 2569 (สร้างจากข้อมูลที่เผยแพร่ ต้องตรวจสอบกับคู่มือ)',HOBEC,
  ["OBEC ITA Online, schools: O1–O18 from one school's FY2569 page (MED); weights and grades as NACC's (LOW).",
   "Replace with OBEC's manual of the year when available."], obec_9, obec_10))
open(os.path.join(FRAMEWORKS, 'fy2569-ovec.yaml'),'w').write(build('fy2569-ovec',2569,'เกณฑ์ ITA สำหรับสถานศึกษา สอศ. ปีงบประมาณ พ.ศ. 2569 (สร้างจากข้อมูลที่เผยแพร่ ต้องตรวจสอบกับคู่มือ)',HOVEC,
  ["OVEC vocational colleges: seven groups and O1–O23 ranges HIGH; titles marked unconfirmed are LOW; components MED.",
   "Weights and grades as NACC's (LOW); replace with OVEC's manual of the year when available."], ovec_9, ovec_10))
