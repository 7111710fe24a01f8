"""Article text for the HTML reader's tests: one made-up news story, in paragraphs."""

from __future__ import annotations

RESERVOIRS = [
    "The regional water board approved a plan on Thursday to build two new reservoirs in the "
    "northern valleys, ending a decade of argument over how to supply the growing towns.",
    "Engineers estimate that the reservoirs will hold enough water for about 300,000 people "
    "through a dry summer, and construction is expected to start in the spring of next year.",
    "Farmers in the valleys had opposed earlier versions of the plan because they would have "
    "flooded grazing land, but the board said the new sites avoid most of the farms.",
    "The cost of the project is put at 420 million, to be shared between the national "
    "government and the four municipalities that will draw water from the reservoirs.",
    "Opponents said they would study the decision before deciding whether to appeal, and a "
    "public hearing on the environmental report is planned for the autumn.",
]
# The same story in Japanese, for pages in a language other than English.
RESERVOIRS_JA = [
    "東京都は木曜日、北部の谷に二つの新しい貯水池を建設する計画を承認した。"
    "人口が増え続ける町への水の供給をめぐる十年にわたる議論に終止符が打たれた。",
    "技術者の試算によると、貯水池は乾燥した夏でも約三十万人分の水を蓄えることができ、"
    "工事は来年の春に始まる見通しだという。",
    "谷の農家は以前の計画に反対していた。放牧地が水没するためだが、"
    "新しい候補地は農地の大部分を避けていると当局は説明している。",
    "事業費は四百二十億円とされ、国と貯水池から水を引く四つの自治体が分担する。"
    "反対派は決定内容を精査したうえで、不服を申し立てるかどうかを判断するとしている。",
]
